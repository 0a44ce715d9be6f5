/// A loaded model's weights (one pass, or the entity tagger's two passes under one table) as the
/// 16-bit integers its file stores, summed exactly in `Int32`: partial sums can then be cached per
/// token form and combined in any order with the same result, bit for bit.
///
/// Layout: an open-addressing table of `key << 32 | first entry << 12 | first-pass count << 6 |
/// second-pass count` slots (0 = empty) over packed entries `value << 8 | label` (4 bytes each).
struct QuantizedWeights: Sendable {
    private let slots: [UInt64]
    private let mask: Int
    private let entries: [Int32]
    /// Number of labels (the same in both passes).
    let labelCount: Int
    /// Integer sum → score divisor of each pass (the file's quantization scale).
    let scales: [Float]

    /// The table of `passes` (one or two models read from files), or `nil` when a model was not
    /// quantized (trained in memory) or does not fit the packing (over 63 labels, over a million
    /// weights).
    init?(passes: [SequenceModel]) {
        guard let labelCount = passes.first?.labels.count, labelCount < 64, (1...2).contains(passes.count),
            passes.allSatisfy({ $0.labels.count == labelCount && $0.quantizationScale != nil })
        else { return nil }
        let scales = passes.compactMap(\.quantizationScale)
        // Merge the passes' rows (each sorted by key) into rows of first-pass then second-pass entries.
        let tables = passes.map(\.weights)
        var next = [Int](repeating: 0, count: tables.count)
        var entries: [Int32] = []
        var rows: [(key: UInt32, start: Int, first: Int, second: Int)] = []
        rows.reserveCapacity(tables.reduce(0) { $0 + $1.count })
        while true {
            var key = UInt64.max
            for pass in tables.indices where next[pass] < tables[pass].count {
                key = min(key, UInt64(tables[pass].key(ofRow: next[pass])))
            }
            guard key != .max else { break }
            let start = entries.count
            var firstCount = 0
            var secondCount = 0
            for pass in tables.indices where next[pass] < tables[pass].count {
                guard UInt64(tables[pass].key(ofRow: next[pass])) == key else { continue }
                for entry in tables[pass].entries(ofRow: next[pass]) {
                    let quantized = Int32((entry.value * scales[pass]).rounded())
                    guard quantized != 0 else { continue }
                    entries.append(quantized << 8 | entry.label)
                    if pass == 0 { firstCount += 1 } else { secondCount += 1 }
                }
                next[pass] += 1
            }
            if firstCount + secondCount > 0 { rows.append((UInt32(key), start, firstCount, secondCount)) }
        }
        guard !entries.isEmpty, entries.count < 1 << 20 else { return nil }
        var size = 16
        while size < rows.count * 2 { size <<= 1 }
        var slots = [UInt64](repeating: 0, count: size)
        let mask = size - 1
        for row in rows {
            var index = WeightTable.slot(row.key, mask: mask)
            while slots[index] != 0 { index = (index + 1) & mask }
            slots[index] = UInt64(row.key) << 32 | UInt64(row.start) << 12 | UInt64(row.first) << 6 | UInt64(row.second)
        }
        self.slots = slots
        self.mask = mask
        self.entries = entries
        self.labelCount = labelCount
        self.scales = scales
    }

    /// Adds the weights of every key of `batch` to `sums` at the offsets the batch gives.
    ///
    /// Keys go in chunks of 64, three passes each: load every key's first slot (independent loads,
    /// so their cache misses overlap), resolve the slots and load every row's first entry (again
    /// independent), then add (the chunk's rows are still in the nearest cache).
    func add(_ batch: KeyBatch, to sums: inout [Int32]) {
        let count = batch.count
        guard count > 0 else { return }
        let mask = mask
        let chunk = 64
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: chunk) { found in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: chunk) { heads in
                slots.withUnsafeBufferPointer { slots in
                    entries.withUnsafeBufferPointer { entries in
                        batch.keys.withUnsafeBufferPointer { keys in
                            batch.first.withUnsafeBufferPointer { firstOffsets in
                                batch.second.withUnsafeBufferPointer { secondOffsets in
                                    sums.withUnsafeMutableBufferPointer { sums in
                                        let sums = sums.baseAddress.unsafelyUnwrapped
                                        for base in stride(from: 0, to: count, by: chunk) {
                                            let end = min(base + chunk, count)
                                            for index in base..<end {
                                                found[index - base] = slots[WeightTable.slot(keys[index], mask: mask)]
                                            }
                                            for index in base..<end {
                                                var slot = found[index - base]
                                                let key = keys[index]
                                                if slot != 0, UInt32(truncatingIfNeeded: slot >> 32) != key {
                                                    var probe = (WeightTable.slot(key, mask: mask) + 1) & mask
                                                    while true {
                                                        slot = slots[probe]
                                                        if slot == 0 || UInt32(truncatingIfNeeded: slot >> 32) == key {
                                                            break
                                                        }
                                                        probe = (probe + 1) & mask
                                                    }
                                                    found[index - base] = slot
                                                }
                                                // An absent key reads entry 0 (present: a table has entries) and adds nothing.
                                                heads[index - base] = entries[Int(truncatingIfNeeded: (slot >> 12) & 0xf_ffff)]
                                            }
                                            for index in base..<end {
                                                let slot = found[index - base]
                                                let start = Int(truncatingIfNeeded: (slot >> 12) & 0xf_ffff)
                                                let middle = start + Int(truncatingIfNeeded: (slot >> 6) & 0x3f)
                                                let last = middle + Int(truncatingIfNeeded: slot & 0x3f)
                                                let first = sums + Int(firstOffsets[index])
                                                let second = sums + Int(secondOffsets[index])
                                                if start < middle {
                                                    let head = heads[index - base]
                                                    first[Int(head & 0xff)] &+= head >> 8
                                                    for entry in (start + 1)..<middle {
                                                        let packed = entries[entry]
                                                        first[Int(packed & 0xff)] &+= packed >> 8
                                                    }
                                                }
                                                for entry in middle..<last {
                                                    let packed = entries[entry]
                                                    second[Int(packed & 0xff)] &+= packed >> 8
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
        }
    }
}

extension QuantizedWeights {
    /// `Float(sums[i]) / scale` for `count` sums into `scores`, eight at a time (each lane is the
    /// same correctly rounded conversion and division as the scalar code, so the scores are too).
    @inline(__always)
    static func scores(
        _ sums: UnsafePointer<Int32>, count: Int, scale: Float, into scores: UnsafeMutablePointer<Float>
    ) {
        let divisor = SIMD8<Float>(repeating: scale)
        var index = 0
        while index + 8 <= count {
            let block = UnsafeRawPointer(sums + index).loadUnaligned(as: SIMD8<Int32>.self)
            UnsafeMutableRawPointer(scores + index).storeBytes(of: SIMD8<Float>(block) / divisor, as: SIMD8<Float>.self)
            index += 8
        }
        while index < count {
            scores[index] = Float(sums[index]) / scale
            index += 1
        }
    }
}
