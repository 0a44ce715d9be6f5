/// Counts per pair of entity indices, for the merge's co-mention links: an open-addressing table of
/// `first << 32 | second` words (never 0: the two indices differ), hashed by one multiplication.
///
/// A job's link table holds tens of thousands of pairs and is updated for every article; as a
/// `[Pair: Int]` each update seeded and finalised a SipHash and every growth rehashed with it,
/// about half of the merge's time. The indices are the merge's own (0, 1, 2... in order of first
/// mention), not chosen by a peer, so a plain multiplicative hash spreads them safely. A pair's
/// word and count sit side by side, so an update touches one cache line of the (megabytes large)
/// table, not one in each of two arrays.
struct PairCounts {
    private struct Slot {
        var key: UInt64 = 0
        var count = 0
    }

    private var slots: [Slot]
    private var shift: UInt64
    /// Number of distinct pairs counted.
    private(set) var count = 0

    init() {
        slots = [Slot](repeating: Slot(), count: 64)
        shift = 64 - 6
    }

    /// The word for the pair of two different indices, the smaller first.
    static func key(_ first: Int, _ second: Int) -> UInt64 {
        UInt64(truncatingIfNeeded: min(first, second)) << 32 | UInt64(truncatingIfNeeded: max(first, second))
    }

    /// Adds `amount` to the count of `key` (a word from ``key(_:_:)``).
    mutating func add(_ key: UInt64, _ amount: Int) {
        precondition(key != 0, "a pair of two different indices is never the word 0")
        if (count + 1) * 2 > slots.count { grow() }
        let slot = slot(of: key)
        if slots[slot].key == 0 {
            slots[slot].key = key
            count += 1
        }
        slots[slot].count += amount
    }

    /// The count of `key`, 0 when never added.
    func count(of key: UInt64) -> Int {
        slots[slot(of: key)].count
    }

    /// Every pair that `included` accepts (by its two indices, the smaller first) and its count,
    /// heaviest first, ties by first then second index. Sorted as one 128-bit word per pair (count
    /// inverted above the pair's word), not with a comparison closure over tuples.
    func heaviestFirst(
        where included: (Int, Int) -> Bool = { _, _ in true }
    ) -> [(first: Int, second: Int, count: Int)] {
        var words: [UInt128] = []
        for slot in slots where slot.key != 0 && included(Int(slot.key >> 32), Int(slot.key & 0xFFFF_FFFF)) {
            words.append(UInt128(UInt64.max - UInt64(slot.count)) << 64 | UInt128(slot.key))
        }
        words.sort()
        return words.map { word in
            let key = UInt64(truncatingIfNeeded: word)
            return (Int(key >> 32), Int(key & 0xFFFF_FFFF), Int(UInt64.max - UInt64(truncatingIfNeeded: word >> 64)))
        }
    }

    /// The slot holding `key`, or the empty one where it goes: from where its hash lands, the next
    /// slot along (wrapping) until one of those. The table is never more than half full.
    private func slot(of key: UInt64) -> Int {
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while slots[slot].key != 0, slots[slot].key != key { slot = (slot + 1) & (slots.count - 1) }
        return slot
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: old.count * 2)
        shift -= 1
        for entry in old where entry.key != 0 {
            slots[slot(of: entry.key)] = entry
        }
    }
}
