/// A trained first-order linear sequence model: weights per (feature, label), transition scores
/// between labels, and Viterbi decoding. Shared by the entity and part-of-speech taggers.
struct SequenceModel: Sendable {
    /// Label names, in index order.
    let labels: [String]
    /// Feature key → row of `weights`.
    let rows: FeatureTable
    /// `rows.count × labels.count` weights.
    let weights: [Float]
    /// `(labels + 1)²` transition scores (see `Viterbi`).
    let transitions: [Float]
    /// Allowed transitions, same shape as `transitions`.
    let allowed: [Bool]

    /// The best label indices for tokens described by their feature keys.
    func decode(_ features: [[UInt32]]) -> [Int] {
        let labelCount = labels.count
        var emissions = [Float](repeating: 0, count: features.count * labelCount)
        for (position, keys) in features.enumerated() {
            let base = position * labelCount
            for key in keys {
                guard let row = rows[key] else { continue }
                let offset = Int(row) * labelCount
                for label in 0..<labelCount { emissions[base + label] += weights[offset + label] }
            }
        }
        return Viterbi.decode(
            emissions: emissions, transitions: transitions, allowed: allowed, count: features.count, labels: labelCount)
    }

    /// The best label names.
    func tag(_ features: [[UInt32]]) -> [String] {
        decode(features).map { labels[$0] }
    }
}

extension SequenceModel {
    /// Serializes the model: labels, transitions (Float32), then the features sorted by key,
    /// keys delta-encoded, each with its non-zero weights quantized to Int16.
    func write(to writer: inout ByteWriter) {
        writer.writeVarint(labels.count)
        for label in labels { writer.write(label) }
        for score in transitions { writer.write(score) }
        let largest = weights.reduce(Float(0)) { max($0, abs($1)) }
        let scale = largest > 0 ? Float(Int16.max) / largest : 1
        writer.write(scale)
        var kept: [(key: UInt32, weights: [(label: Int, value: Int16)])] = []
        for (key, row) in rows.sortedEntries {
            let offset = Int(row) * labels.count
            let quantized = (0..<labels.count).compactMap { label -> (label: Int, value: Int16)? in
                let value = Int16((weights[offset + label] * scale).rounded())
                return value == 0 ? nil : (label, value)
            }
            if !quantized.isEmpty { kept.append((key, quantized)) }
        }
        writer.writeVarint(kept.count)
        var previousKey: UInt32 = 0
        for (key, values) in kept {
            writer.writeVarint(Int(key - previousKey))
            previousKey = key
            writer.write(UInt8(values.count))
            for (label, value) in values {
                writer.write(UInt8(label))
                writer.write(UInt16(bitPattern: value))
            }
        }
    }

    /// Reads a model written by `write(to:)`; `rule` rebuilds the transition mask from the labels.
    static func read(
        from reader: inout ByteReader, rule: (String?, String?) -> Bool
    ) throws(ExtractionError) -> SequenceModel {
        let labelCount = try reader.readVarint()
        guard (1...255).contains(labelCount) else { throw reader.failure("\(labelCount) labels") }
        var labels: [String] = []
        for _ in 0..<labelCount { labels.append(try reader.readString()) }
        var transitions: [Float] = []
        for _ in 0..<((labelCount + 1) * (labelCount + 1)) { transitions.append(try reader.readFloat()) }
        let scale = try reader.readFloat()
        guard scale.isFinite, scale > 0 else { throw reader.failure("weight scale \(scale)") }
        let featureCount = try reader.readCount(itemSize: 2)
        var rows = FeatureTable(capacity: featureCount)
        var weights = [Float](repeating: 0, count: featureCount * labelCount)
        var key: UInt32 = 0
        for row in 0..<featureCount {
            let delta = try reader.readVarint()
            guard delta <= Int(UInt32.max - key) else { throw reader.failure("feature key overflow") }
            key += UInt32(delta)
            rows.insert(key, row: Int32(row))
            let count = Int(try reader.readByte())
            for _ in 0..<count {
                let label = Int(try reader.readByte())
                guard label < labelCount else { throw reader.failure("label \(label) of \(labelCount)") }
                weights[row * labelCount + label] = Float(Int16(bitPattern: try reader.readUInt16())) / scale
            }
        }
        return SequenceModel(
            labels: labels, rows: rows, weights: weights, transitions: transitions,
            allowed: Viterbi.mask(labels: labels, rule: rule))
    }
}
