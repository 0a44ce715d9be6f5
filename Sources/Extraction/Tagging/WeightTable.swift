/// A sequence model's weights for scoring: an open-addressing table from feature key to row, and
/// per row only the non-zero weights (label, value), in label order.
///
/// Summing only the non-zero weights gives exactly the dense sum (adding 0 changes no float but
/// the sign of a zero, which no comparison sees), with a fraction of the memory traffic.
struct WeightTable: Sendable {
    /// `key << 32 | (row + 1)`, or 0 for an empty slot.
    private let slots: [UInt64]
    private let mask: Int
    /// Feature key of each row.
    private let rowKeys: [UInt32]
    /// Where each row's entries start, plus the end.
    private let rowStarts: [Int32]
    /// Label of each non-zero weight.
    private let entryLabels: [UInt8]
    /// Value of each non-zero weight.
    private let entryValues: [Float]
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

    /// The table of rows given as keys (distinct) and their entry ranges.
    init(keys: [UInt32], starts: [Int32], labels: [UInt8], values: [Float], labelCount: Int) {
        var size = 16
        while size < keys.count * 2 { size <<= 1 }
        var slots = [UInt64](repeating: 0, count: size)
        let mask = size - 1
        for (row, key) in keys.enumerated() {
            // A repeated key (only in a malformed file) takes its last row, as `FeatureTable` does.
            var index = Self.slot(key, mask: mask)
            while slots[index] != 0, UInt32(truncatingIfNeeded: slots[index] >> 32) != key {
                index = (index + 1) & mask
            }
            slots[index] = UInt64(key) << 32 | UInt64(row + 1)
        }
        self.slots = slots
        self.mask = mask
        self.rowKeys = keys
        self.rowStarts = starts
        self.entryLabels = labels
        self.entryValues = values
        self.labelCount = labelCount
    }

    @inline(__always)
    private static func slot(_ key: UInt32, mask: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(key) &* 0x9e37_79b9_7f4a_7c15) >> 32) & mask
    }

    /// Number of rows (features).
    var count: Int { rowKeys.count }

    /// Every row's key and non-zero weights, sorted by key.
    var sortedRows: [(key: UInt32, weights: [(label: Int, value: Float)])] {
        rowKeys.indices.map { row in
            let range = Int(rowStarts[row])..<Int(rowStarts[row + 1])
            return (rowKeys[row], range.map { (Int(entryLabels[$0]), entryValues[$0]) })
        }
    }

    /// The largest absolute weight.
    var largestMagnitude: Float { entryValues.reduce(Float(0)) { max($0, abs($1)) } }

    /// `count × labelCount` emission scores for the tokens of `features`: each token's weights
    /// summed key by key in the buffer's order.
    func emissions(_ features: FeatureBuffer) -> [Float] {
        let labelCount = labelCount
        let mask = mask
        return [Float](unsafeUninitializedCapacity: features.count * labelCount) { scores, initialized in
            scores.initialize(repeating: 0)
            slots.withUnsafeBufferPointer { slots in
                rowStarts.withUnsafeBufferPointer { starts in
                    entryLabels.withUnsafeBufferPointer { labels in
                        entryValues.withUnsafeBufferPointer { values in
                            features.keys.withUnsafeBufferPointer { keys in
                                features.starts.withUnsafeBufferPointer { tokenStarts in
                                    for token in 0..<(tokenStarts.count - 1) {
                                        let base = token * labelCount
                                        for position in tokenStarts[token]..<tokenStarts[token + 1] {
                                            let key = keys[position]
                                            var index = Self.slot(key, mask: mask)
                                            while true {
                                                let slot = slots[index]
                                                if slot == 0 { break }
                                                if UInt32(truncatingIfNeeded: slot >> 32) == key {
                                                    let row = Int(truncatingIfNeeded: slot & 0xffff_ffff) - 1
                                                    for entry in Int(starts[row])..<Int(starts[row + 1]) {
                                                        scores[base + Int(labels[entry])] += values[entry]
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
            initialized = features.count * labelCount
        }
    }
}
