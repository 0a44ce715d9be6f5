/// The entity tagger's first- and second-pass weights under one table. The second pass sees every
/// first-pass key again, so one lookup per key gives both rows, and the second pass only looks up
/// its own (prediction history) keys afterwards.
struct DualWeightTable: Sendable {
    /// `key << 32 | first entry << 12 | first-pass count << 6 | second-pass count`, or 0 (empty).
    private let slots: [UInt64]
    private let mask: Int
    /// Per key: its first-pass weights, then its second-pass weights.
    private let entries: [WeightTable.Entry]
    /// Number of labels (the same in both passes).
    let labelCount: Int

    /// The merged table, or `nil` when the models do not fit its packing (over 63 labels, or over
    /// a million weights): then each pass uses its own table.
    init?(first: WeightTable, second: WeightTable) {
        guard first.labelCount == second.labelCount, first.labelCount < 64 else { return nil }
        let firstRows = first.sortedRows
        let secondRows = second.sortedRows
        var keys: [(key: UInt32, start: Int, first: Int, second: Int)] = []
        var entries: [WeightTable.Entry] = []
        var left = 0
        var right = 0
        while left < firstRows.count || right < secondRows.count {
            let leftKey = left < firstRows.count ? UInt64(firstRows[left].key) : .max
            let rightKey = right < secondRows.count ? UInt64(secondRows[right].key) : .max
            let key = min(leftKey, rightKey)
            let start = entries.count
            var firstCount = 0
            var secondCount = 0
            if leftKey == key {
                for (label, value) in firstRows[left].weights { entries.append(.init(label: Int32(label), value: value)) }
                firstCount = firstRows[left].weights.count
                left += 1
            }
            if rightKey == key {
                for (label, value) in secondRows[right].weights {
                    entries.append(.init(label: Int32(label), value: value))
                }
                secondCount = secondRows[right].weights.count
                right += 1
            }
            if firstCount + secondCount > 0 { keys.append((UInt32(key), start, firstCount, secondCount)) }
        }
        guard entries.count < 1 << 20 else { return nil }
        var size = 16
        while size < keys.count * 2 { size <<= 1 }
        var slots = [UInt64](repeating: 0, count: size)
        let mask = size - 1
        for (key, start, firstCount, secondCount) in keys {
            var index = WeightTable.slot(key, mask: mask)
            while slots[index] != 0 { index = (index + 1) & mask }
            slots[index] = UInt64(key) << 32 | UInt64(start) << 12 | UInt64(firstCount) << 6 | UInt64(secondCount)
        }
        self.slots = slots
        self.mask = mask
        self.entries = entries
        self.labelCount = first.labelCount
    }

    /// Emission scores of both passes for the (first-pass) keys of `features`, each summed key by
    /// key in the buffer's order: `count × labelCount` each.
    func emissions(_ features: FeatureBuffer) -> (first: [Float], second: [Float]) {
        let labelCount = labelCount
        let mask = mask
        var first = [Float](repeating: 0, count: features.count * labelCount)
        var second = first
        first.withUnsafeMutableBufferPointer { first in
            second.withUnsafeMutableBufferPointer { second in
                slots.withUnsafeBufferPointer { slots in
                    entries.withUnsafeBufferPointer { entries in
                        features.keys.withUnsafeBufferPointer { keys in
                            features.starts.withUnsafeBufferPointer { tokenStarts in
                                for token in 0..<(tokenStarts.count - 1) {
                                    let firstRow = first.baseAddress.unsafelyUnwrapped + token * labelCount
                                    let secondRow = second.baseAddress.unsafelyUnwrapped + token * labelCount
                                    for position in tokenStarts[token]..<tokenStarts[token + 1] {
                                        let key = keys[position]
                                        var index = WeightTable.slot(key, mask: mask)
                                        while true {
                                            let slot = slots[index]
                                            if slot == 0 { break }
                                            if UInt32(truncatingIfNeeded: slot >> 32) == key {
                                                let start = Int(truncatingIfNeeded: (slot >> 12) & 0xf_ffff)
                                                let middle = start + Int(truncatingIfNeeded: (slot >> 6) & 0x3f)
                                                let end = middle + Int(truncatingIfNeeded: slot & 0x3f)
                                                for entry in start..<middle {
                                                    firstRow[Int(entries[entry].label)] += entries[entry].value
                                                }
                                                for entry in middle..<end {
                                                    secondRow[Int(entries[entry].label)] += entries[entry].value
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
        return (first, second)
    }
}
