/// A trained first-order linear sequence model: weights per (feature, label), transition scores
/// between labels, and Viterbi decoding. Shared by the entity and part-of-speech taggers.
struct SequenceModel: Sendable {
    /// Label names, in index order.
    let labels: [String]
    /// Feature key → non-zero weights per label.
    let weights: WeightTable
    /// `(labels + 1)²` transition scores (see `Viterbi`).
    let transitions: [Float]
    /// Allowed transitions, same shape as `transitions`.
    let allowed: [Bool]
    /// For a model read from a file: the scale its weights were quantized with (weight = 16-bit
    /// integer / scale), which `QuantizedWeights` sums exactly; `nil` for a model trained in memory.
    let quantizationScale: Float?
    /// `transitions` under `allowed` as Viterbi's inner step reads them, computed once.
    private let masked: [Float]
    /// Pruning bounds of `masked` when every label may follow every other (see `Viterbi.decode`).
    private let bounds: Viterbi.Bounds?

    /// A model from dense weights: `rows.count × labels.count` under the rows of `rows` (what the
    /// trainer produces).
    init(labels: [String], rows: FeatureTable, weights: [Float], transitions: [Float], allowed: [Bool]) {
        self.init(
            labels: labels, weights: WeightTable(rows: rows, weights: weights, labelCount: labels.count),
            transitions: transitions, allowed: allowed)
    }

    init(
        labels: [String], weights: WeightTable, transitions: [Float], allowed: [Bool],
        quantizationScale: Float? = nil
    ) {
        self.labels = labels
        self.weights = weights
        self.transitions = transitions
        self.allowed = allowed
        self.quantizationScale = quantizationScale
        masked = Viterbi.maskedTransitions(transitions: transitions, allowed: allowed, labels: labels.count)
        bounds = Viterbi.Bounds(masked: masked, labels: labels.count)
    }

    /// Number of features with weights.
    var featureCount: Int { weights.count }

    /// The best label indices for tokens described by their feature keys.
    func decode(_ features: FeatureBuffer) -> [Int] {
        Viterbi.decode(
            emissions: weights.emissions(features), transitions: transitions, allowed: allowed, masked: masked,
            count: features.count, labels: labels.count, bounds: bounds)
    }

    /// The best label indices for tokens given as per-token key lists.
    func decode(_ features: [[UInt32]]) -> [Int] {
        decode(FeatureBuffer(features))
    }

    /// The best label names.
    func tag(_ features: FeatureBuffer) -> [String] {
        decode(features).map { labels[$0] }
    }

    /// The best label names for `count` tokens with emission scores already summed.
    func tag(emissions: [Float], count: Int) -> [String] {
        Viterbi.decode(
            emissions: emissions, transitions: transitions, allowed: allowed, masked: masked, count: count,
            labels: labels.count, bounds: bounds
        ).map { labels[$0] }
    }

    /// The best label indices for `count` tokens with emission scores already summed.
    func decode(emissions: [Float], count: Int) -> [Int] {
        Viterbi.decode(
            emissions: emissions, transitions: transitions, allowed: allowed, masked: masked, count: count,
            labels: labels.count, bounds: bounds)
    }

    /// The best label names for per-token key lists.
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
        let largest = weights.largestMagnitude
        let scale = largest > 0 ? Float(Int16.max) / largest : 1
        writer.write(scale)
        var kept: [(key: UInt32, weights: [(label: Int, value: Int16)])] = []
        for (key, row) in weights.sortedRows {
            let quantized = row.compactMap { label, weight -> (label: Int, value: Int16)? in
                let value = Int16((weight * scale).rounded())
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
        var keys: [UInt32] = []
        var starts: [Int32] = [0]
        var entryLabels: [UInt8] = []
        var entryValues: [Float] = []
        keys.reserveCapacity(featureCount)
        starts.reserveCapacity(featureCount + 1)
        // The rows are most of the file: read straight from the bytes, each row's length checked
        // once (not every byte through a throwing call).
        let base = reader
        try reader.consume { bytes throws(ExtractionError) in
            var at = 0
            func failure(_ reason: String) -> ExtractionError { base.failure("\(reason) at byte \(base.offset + at)") }
            var key: UInt32 = 0
            var row = [Float](repeating: 0, count: labelCount)
            for _ in 0..<featureCount {
                var delta: UInt64 = 0
                var shift: UInt64 = 0
                while true {
                    guard at < bytes.count else { throw failure("truncated") }
                    let byte = bytes[at]
                    at += 1
                    delta |= UInt64(byte & 0x7f) << shift
                    if byte < 0x80 { break }
                    shift += 7
                    guard shift < 63 else { throw failure("varint too long") }
                }
                guard delta <= UInt64(UInt32.max - key) else { throw failure("feature key overflow") }
                key += UInt32(delta)
                keys.append(key)
                guard at < bytes.count else { throw failure("truncated") }
                let weightCount = Int(bytes[at])
                at += 1
                guard weightCount * 3 <= bytes.count - at else { throw failure("truncated") }
                // Weights of one row, kept in label order, a label given twice keeping its last value.
                // The writer gives them in increasing label order (taken as they come); any other
                // order goes through a dense row.
                var previous = -1
                for index in 0..<weightCount {
                    let label = Int(bytes[at + 3 * index])
                    guard label < labelCount else { throw failure("label \(label) of \(labelCount)") }
                    if label <= previous { previous = labelCount } else { previous = label }
                }
                if previous < labelCount {
                    for _ in 0..<weightCount {
                        let value = Int16(bitPattern: UInt16(bytes[at + 1]) | UInt16(bytes[at + 2]) << 8)
                        if value != 0 {
                            entryLabels.append(bytes[at])
                            entryValues.append(Float(value) / scale)
                        }
                        at += 3
                    }
                } else {
                    for _ in 0..<weightCount {
                        let value = Int16(bitPattern: UInt16(bytes[at + 1]) | UInt16(bytes[at + 2]) << 8)
                        row[Int(bytes[at])] = Float(value) / scale
                        at += 3
                    }
                    for label in 0..<labelCount where row[label] != 0 {
                        entryLabels.append(UInt8(label))
                        entryValues.append(row[label])
                        row[label] = 0
                    }
                }
                starts.append(Int32(entryLabels.count))
            }
            return at
        }
        guard entryLabels.count < WeightTable.entryLimit else { throw reader.failure("too many weights") }
        let weights = WeightTable(
            keys: keys, starts: starts, labels: entryLabels, values: entryValues, labelCount: labelCount)
        return SequenceModel(
            labels: labels, weights: weights, transitions: transitions,
            allowed: Viterbi.mask(labels: labels, rule: rule), quantizationScale: scale)
    }
}
