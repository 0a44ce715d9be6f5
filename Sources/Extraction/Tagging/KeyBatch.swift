/// Feature keys to look up together, each with where its weights go: first-pass weights are added
/// at `first[i]`, second-pass weights at `second[i]` (offsets into one integer score buffer).
///
/// Looking many keys up in one batch lets the processor overlap the cache misses of the weight
/// table (see `QuantizedWeights.add(_:to:)`): key by key, each miss waits for the previous one.
struct KeyBatch {
    private(set) var keys: [UInt32] = []
    private(set) var first: [Int32] = []
    private(set) var second: [Int32] = []

    /// An empty batch with room for `capacity` keys.
    init(capacity: Int) {
        keys.reserveCapacity(capacity)
        first.reserveCapacity(capacity)
        second.reserveCapacity(capacity)
    }

    /// Number of keys.
    var count: Int { keys.count }

    /// Adds `key`, its first-pass weights to go at offset `first`, its second-pass ones at `second`.
    @inline(__always)
    mutating func append(_ key: UInt32, first: Int, second: Int) {
        keys.append(key)
        self.first.append(Int32(truncatingIfNeeded: first))
        self.second.append(Int32(truncatingIfNeeded: second))
    }

    /// Empties the batch, keeping its storage.
    mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        first.removeAll(keepingCapacity: true)
        second.removeAll(keepingCapacity: true)
    }
}
