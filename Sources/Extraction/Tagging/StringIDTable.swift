/// Distinct strings numbered 0, 1, 2, … in order of first sight: an open-addressing table of
/// (FNV-1a hash (`WordHash`), id) slots, cheaper than `Dictionary`'s seeded SipHash for short words.
struct StringIDTable: Sendable {
    private var slotHashes = [UInt64](repeating: 0, count: 256)
    /// −1 for an empty slot.
    private var slotIDs = [Int32](repeating: -1, count: 256)
    /// Each string, by id.
    private(set) var strings: [String] = []

    /// Number of distinct strings.
    var count: Int { strings.count }

    /// The id of `text`, numbering it when it is new.
    mutating func id(_ text: String) -> Int32 {
        let hash = WordHash.of(text)
        var mask = slotIDs.count - 1
        var index = Self.slot(hash, mask: mask)
        while slotIDs[index] >= 0 {
            if slotHashes[index] == hash, strings[Int(slotIDs[index])] == text { return slotIDs[index] }
            index = (index + 1) & mask
        }
        let id = Int32(strings.count)
        if (strings.count + 1) * 2 > slotIDs.count {
            grow()
            mask = slotIDs.count - 1
            index = Self.slot(hash, mask: mask)
            while slotIDs[index] >= 0 { index = (index + 1) & mask }
        }
        slotHashes[index] = hash
        slotIDs[index] = id
        strings.append(text)
        return id
    }

    /// Doubles the slot table, reinserting every string.
    private mutating func grow() {
        let size = slotIDs.count * 2
        var hashes = [UInt64](repeating: 0, count: size)
        var ids = [Int32](repeating: -1, count: size)
        for (hash, id) in zip(slotHashes, slotIDs) where id >= 0 {
            var index = Self.slot(hash, mask: size - 1)
            while ids[index] >= 0 { index = (index + 1) & (size - 1) }
            hashes[index] = hash
            ids[index] = id
        }
        slotHashes = hashes
        slotIDs = ids
    }

    @inline(__always)
    private static func slot(_ hash: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9e37_79b9_7f4a_7c15) >> 32) & mask
    }
}
