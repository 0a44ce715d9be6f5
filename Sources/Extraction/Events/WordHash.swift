/// A 64-bit FNV-1a hash of a word's UTF-8, computed once per word so the event coder's pattern
/// checks compare integers; equal hashes are confirmed on the strings wherever a result depends on it.
enum WordHash {
    /// The hash of `word`.
    static func of(_ word: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let direct: Void? = word.utf8.withContiguousStorageIfAvailable { bytes in
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        }
        if direct == nil {
            for byte in word.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        }
        return hash
    }
}

/// A 1,024-bit Bloom filter over the word hashes of a token window: "no bit" proves a word absent.
struct WordFilter {
    private var bits: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
        UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) =
        (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)

    /// A filter holding every stem hash of the tokens in `window`.
    init(_ hashes: [[UInt64]], window: Range<Int>) {
        for position in window {
            for hash in hashes[position] { insert(hash) }
        }
    }

    /// The filter bit of `hash`: FNV-1a's top bits barely depend on a short word's last bytes, so
    /// the hash is mixed (Fibonacci multiply) before its top 10 bits are taken.
    @inline(__always)
    static func bit(_ hash: UInt64) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9e37_79b9_7f4a_7c15) >> 54)
    }

    private mutating func insert(_ hash: UInt64) {
        let bit = Self.bit(hash)
        withUnsafeMutableBytes(of: &bits) { raw in
            let words = raw.bindMemory(to: UInt64.self)
            words[bit >> 6] |= 1 << UInt64(bit & 63)
        }
    }

    /// `false` only when `hash` is certainly not in the filter.
    func mayContain(_ hash: UInt64) -> Bool {
        let bit = Self.bit(hash)
        return withUnsafeBytes(of: bits) { raw in
            raw.load(fromByteOffset: (bit >> 6) * 8, as: UInt64.self) & (1 << UInt64(bit & 63)) != 0
        }
    }

    /// `false` only when none of `hashes` is in the filter.
    func mayContainAny(_ hashes: [UInt64]) -> Bool {
        hashes.contains(where: mayContain)
    }

    /// Runs `body` with the filter's 16 words.
    func withWords<Result>(_ body: (UnsafeBufferPointer<UInt64>) -> Result) -> Result {
        withUnsafeBytes(of: bits) { raw in body(raw.bindMemory(to: UInt64.self)) }
    }

    /// `false` only when some group of `groups` (a size, then that many bits; `VerbPattern`) has
    /// none of its bits in the filter whose words (`withWords`) are `words`.
    @inline(__always)
    static func mayContainAll(_ groups: [UInt16], words: UnsafeBufferPointer<UInt64>) -> Bool {
        groups.withUnsafeBufferPointer { mayContainAll($0, 0..<$0.count, words: words) }
    }

    /// `mayContainAll(_:words:)` for the groups stored in `values[range]`.
    @inline(__always)
    static func mayContainAll(
        _ groups: UnsafeBufferPointer<UInt16>, _ range: Range<Int>, words: UnsafeBufferPointer<UInt64>
    ) -> Bool {
        var index = range.lowerBound
        while index < range.upperBound {
            let end = index + 1 + Int(groups[index])
            var found = false
            for position in (index + 1)..<end {
                let bit = Int(groups[position])
                if words[bit >> 6] & (1 << UInt64(bit & 63)) != 0 {
                    found = true
                    break
                }
            }
            if !found { return false }
            index = end
        }
        return true
    }
}
