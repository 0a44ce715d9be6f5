/// A sequence model's weights for scoring: an open-addressing table from feature key to row, and
/// per row only the non-zero weights (label, value), in label order.
///
/// Summing only the non-zero weights gives exactly the dense sum (adding 0 changes no float but
/// the sign of a zero, which no comparison sees), with a fraction of the memory traffic.
struct WeightTable: Sendable {
    /// `key << 32 | first entry << 8 | entry count` of each row with entries, or 0 for an empty
    /// slot: one cache line gives both where the row is and how long.
    private let slots: [UInt64]
    private let mask: Int
    /// Feature key of each row.
    private let rowKeys: [UInt32]
    /// Where each row's entries start, plus the end.
    private let rowStarts: [Int32]
    /// The non-zero weights, row after row.
    private let entries: [Entry]

    /// One non-zero weight.
    struct Entry {
        var label: Int32
        var value: Float
    }

    /// Most entries the packed slots can address.
    static let entryLimit = 1 << 24
    /// Number of labels.
    let labelCount: Int

    /// The table of dense `weights` (`rows.count × labelCount`, row-major) under `rows`.
    init(rows: FeatureTable, weights: [Float], labelCount: Int) {
        let entries = rows.sortedEntries
        var keys: [UInt32] = []
        var starts: [Int32] = [0]
        var labels: [UInt8] = []
        var values: [Float] = []
        keys.reserveCapacity(entries.count)
        starts.reserveCapacity(entries.count + 1)
        for (key, row) in entries {
            keys.append(key)
            let offset = Int(row) * labelCount
            for label in 0..<labelCount where weights[offset + label] != 0 {
                labels.append(UInt8(label))
                values.append(weights[offset + label])
            }
            starts.append(Int32(labels.count))
        }
        self.init(keys: keys, starts: starts, labels: labels, values: values, labelCount: labelCount)
    }

    /// The table of rows given as keys (distinct) and their entry ranges; `labels.count` must be
    /// below `entryLimit`.
    init(keys: [UInt32], starts: [Int32], labels: [UInt8], values: [Float], labelCount: Int) {
        precondition(labels.count < Self.entryLimit, "too many weights for the packed table")
        var size = 16
        while size < keys.count * 2 { size <<= 1 }
        var slots = [UInt64](repeating: 0, count: size)
        let mask = size - 1
        for (row, key) in keys.enumerated() {
            let start = Int(starts[row])
            let count = Int(starts[row + 1]) - start
            // A row without weights adds nothing; a repeated key (only in a malformed file) takes its
            // last row, as `FeatureTable` does.
            guard count > 0 else { continue }
            var index = Self.slot(key, mask: mask)
            while slots[index] != 0, UInt32(truncatingIfNeeded: slots[index] >> 32) != key {
                index = (index + 1) & mask
            }
            slots[index] = UInt64(key) << 32 | UInt64(start) << 8 | UInt64(count)
        }
        self.slots = slots
        self.mask = mask
        self.rowKeys = keys
        self.rowStarts = starts
        self.entries = zip(labels, values).map { Entry(label: Int32($0), value: $1) }
        self.labelCount = labelCount
    }

    @inline(__always)
    static func slot(_ key: UInt32, mask: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(key) &* 0x9e37_79b9_7f4a_7c15) >> 32) & mask
    }

    /// Number of rows (features).
    var count: Int { rowKeys.count }

    /// The key of row `row` (rows are sorted by key).
    func key(ofRow row: Int) -> UInt32 { rowKeys[row] }

    /// The non-zero weights of row `row`, in label order.
    func entries(ofRow row: Int) -> ArraySlice<Entry> {
        entries[Int(rowStarts[row])..<Int(rowStarts[row + 1])]
    }

    /// Every row's key and non-zero weights, sorted by key.
    var sortedRows: [(key: UInt32, weights: [(label: Int, value: Float)])] {
        rowKeys.indices.map { row in
            let range = Int(rowStarts[row])..<Int(rowStarts[row + 1])
            return (rowKeys[row], range.map { (Int(entries[$0].label), entries[$0].value) })
        }
    }

    /// The largest absolute weight.
    var largestMagnitude: Float { entries.reduce(Float(0)) { max($0, abs($1.value)) } }

    /// `count × labelCount` emission scores for the tokens of `features`: each token's weights
    /// summed key by key in the buffer's order.
    func emissions(_ features: FeatureBuffer) -> [Float] {
        var scores = [Float](repeating: 0, count: features.count * labelCount)
        addEmissions(features, to: &scores)
        return scores
    }

    /// Adds the weights of every token's keys to that token's row of `scores`, key by key.
    func addEmissions(_ features: FeatureBuffer, to scores: inout [Float]) {
        precondition(scores.count >= features.count * labelCount, "emission rows missing")
        let labelCount = labelCount
        let mask = mask
        scores.withUnsafeMutableBufferPointer { scores in
            slots.withUnsafeBufferPointer { slots in
                entries.withUnsafeBufferPointer { entries in
                    features.keys.withUnsafeBufferPointer { keys in
                        features.starts.withUnsafeBufferPointer { tokenStarts in
                            for token in 0..<(tokenStarts.count - 1) {
                                let row = scores.baseAddress.unsafelyUnwrapped + token * labelCount
                                for position in tokenStarts[token]..<tokenStarts[token + 1] {
                                    let key = keys[position]
                                    var index = Self.slot(key, mask: mask)
                                    while true {
                                        let slot = slots[index]
                                        if slot == 0 { break }
                                        if UInt32(truncatingIfNeeded: slot >> 32) == key {
                                            let start = Int(truncatingIfNeeded: (slot >> 8) & 0xff_ffff)
                                            let end = start + Int(truncatingIfNeeded: slot & 0xff)
                                            for entry in start..<end {
                                                let weight = entries[entry]
                                                row[Int(weight.label)] += weight.value
                                            }
                                            break
                                        }
                                        index = (index + 1) & mask
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
