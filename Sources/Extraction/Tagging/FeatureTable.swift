/// An open-addressing map from feature key to row, faster than `Dictionary` for keys that are
/// already hashes (no re-hashing with SipHash, no per-entry boxing).
struct FeatureTable: Sendable {
    private var keys: [UInt32]
    private var rows: [Int32]
    private var mask: Int
    /// Number of keys stored.
    private(set) var count = 0

    /// An empty table sized for about `capacity` keys.
    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: 0, count: size)
        rows = Array(repeating: -1, count: size)
        mask = size - 1
    }

    private func slot(_ key: UInt32) -> Int {
        Int(truncatingIfNeeded: (UInt64(key) &* 0x9e37_79b9_7f4a_7c15) >> 32) & mask
    }

    /// The row of `key`, or `nil`.
    subscript(key: UInt32) -> Int32? {
        var index = slot(key)
        while rows[index] >= 0 {
            if keys[index] == key { return rows[index] }
            index = (index + 1) & mask
        }
        return nil
    }

    /// Stores `row` for `key` (replacing an earlier row).
    mutating func insert(_ key: UInt32, row: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        var index = slot(key)
        while rows[index] >= 0 {
            if keys[index] == key {
                rows[index] = row
                return
            }
            index = (index + 1) & mask
        }
        keys[index] = key
        rows[index] = row
        count += 1
    }

    /// Every (key, row) pair, sorted by key.
    var sortedEntries: [(key: UInt32, row: Int32)] {
        zip(keys, rows).filter { $0.1 >= 0 }.map { (key: $0.0, row: $0.1) }.sorted { $0.key < $1.key }
    }

    private mutating func grow() {
        let entries = zip(keys, rows).filter { $0.1 >= 0 }
        self = FeatureTable(capacity: keys.count)
        for (key, row) in entries { insert(key, row: row) }
    }
}
