/// A FIFO of chunk keys with amortised O(1) pops (an array and a moving head).
struct ChunkQueue: Sendable {
    private var items: [ChunkKey] = []
    private var head = 0

    /// Whether nothing is queued.
    var isEmpty: Bool { head >= items.count }

    /// Adds `key` at the back.
    mutating func append(_ key: ChunkKey) {
        items.append(key)
    }

    /// Removes and returns the front key, or `nil` when empty.
    mutating func popFirst() -> ChunkKey? {
        guard head < items.count else { return nil }
        let key = items[head]
        head += 1
        if head > 1024, head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
        return key
    }
}
