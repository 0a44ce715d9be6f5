/// The feature keys of one sentence's tokens in one flat array: token `i`'s keys are
/// `keys[starts[i]..<starts[i + 1]]`, in the order the templates produced them (which fixes the
/// order weights are summed in, so scores are bit-for-bit the same as key by key).
struct FeatureBuffer {
    /// Every token's keys, token after token.
    private(set) var keys: [UInt32] = []
    /// Where each token's keys start, plus the end.
    private(set) var starts: [Int] = [0]

    /// An empty buffer with room for `tokens` tokens of about `keysPerToken` keys.
    init(tokens: Int = 0, keysPerToken: Int = 0) {
        keys.reserveCapacity(tokens * keysPerToken)
        starts.reserveCapacity(tokens + 1)
    }

    /// The buffer of nested per-token key lists (training input).
    init(_ tokens: [[UInt32]]) {
        for token in tokens {
            keys += token
            endToken()
        }
    }

    /// Number of finished tokens.
    var count: Int { starts.count - 1 }

    /// Adds a key to the current token.
    @inline(__always)
    mutating func append(_ key: UInt32) { keys.append(key) }

    /// Adds keys to the current token.
    mutating func append(contentsOf more: some Sequence<UInt32>) { keys.append(contentsOf: more) }

    /// Finishes the current token; the next keys belong to the next token.
    mutating func endToken() { starts.append(keys.count) }

    /// Empties the buffer, keeping its storage.
    mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        starts.append(0)
    }

    /// The keys of token `index`.
    subscript(index: Int) -> ArraySlice<UInt32> { keys[starts[index]..<starts[index + 1]] }

    /// Per-token key lists (what the trainer takes).
    var nested: [[UInt32]] { (0..<count).map { Array(self[$0]) } }
}
