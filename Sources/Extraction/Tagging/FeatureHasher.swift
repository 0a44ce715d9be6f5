/// Builds 32-bit feature keys by FNV-1a hashing a template id and its string parts, without
/// building feature strings (fast, and the model stores no training text).
struct FeatureHasher {
    private var state: UInt64

    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// Starts a key for template `template`.
    @inline(__always)
    init(_ template: UInt8) {
        state = (Self.offsetBasis ^ UInt64(template)) &* Self.prime
    }

    /// Mixes one byte in.
    @inline(__always)
    mutating func mix(_ byte: UInt8) {
        state = (state ^ UInt64(byte)) &* Self.prime
    }

    /// Mixes a string's UTF-8 bytes in, followed by a separator.
    @inline(__always)
    mutating func add(_ text: String) {
        var hash = state
        let direct: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* Self.prime }
        }
        if direct == nil {
            for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* Self.prime }
        }
        state = (hash ^ 0x1f) &* Self.prime
    }

    /// Mixes in the first `count` characters of `text` (`WordShape.prefix`), then a separator.
    @inline(__always)
    mutating func add(prefixOf text: String, _ count: Int) {
        add(prefixOf: text, count, isASCII: WordShape.isASCII(text))
    }

    /// `add(prefixOf:_:)` when whether `text` is ASCII (`WordShape.isASCII`) is already known.
    @inline(__always)
    mutating func add(prefixOf text: String, _ count: Int, isASCII: Bool) {
        guard isASCII else { return add(WordShape.prefix(text, count)) }
        var hash = state
        var remaining = count
        for byte in text.utf8 {
            if remaining == 0 { break }
            hash = (hash ^ UInt64(byte)) &* Self.prime
            remaining -= 1
        }
        state = (hash ^ 0x1f) &* Self.prime
    }

    /// Mixes in the last `count` characters of `text` (`WordShape.suffix`), then a separator.
    @inline(__always)
    mutating func add(suffixOf text: String, _ count: Int) {
        add(suffixOf: text, count, isASCII: WordShape.isASCII(text))
    }

    /// `add(suffixOf:_:)` when whether `text` is ASCII (`WordShape.isASCII`) is already known.
    @inline(__always)
    mutating func add(suffixOf text: String, _ count: Int, isASCII: Bool) {
        guard isASCII else { return add(WordShape.suffix(text, count)) }
        var hash = state
        var skip = text.utf8.count - count
        for byte in text.utf8 {
            if skip > 0 {
                skip -= 1
                continue
            }
            hash = (hash ^ UInt64(byte)) &* Self.prime
        }
        state = (hash ^ 0x1f) &* Self.prime
    }

    /// Mixes a small integer in.
    mutating func add(_ value: Int) {
        var remaining = UInt64(bitPattern: Int64(value))
        for _ in 0..<4 {
            mix(UInt8(truncatingIfNeeded: remaining))
            remaining >>= 8
        }
        mix(0x1e)
    }

    /// The finished key: the 64-bit state folded to 32 bits.
    @inline(__always)
    var key: UInt32 {
        UInt32(truncatingIfNeeded: state ^ (state >> 32))
    }

    /// The key of a template with one string part.
    @inline(__always)
    static func key(_ template: UInt8, _ text: String) -> UInt32 {
        var hasher = FeatureHasher(template)
        hasher.add(text)
        return hasher.key
    }

    /// The key of a template with two string parts.
    @inline(__always)
    static func key(_ template: UInt8, _ first: String, _ second: String) -> UInt32 {
        var hasher = FeatureHasher(template)
        hasher.add(first)
        hasher.add(second)
        return hasher.key
    }

    /// The key of a template with three string parts.
    @inline(__always)
    static func key(_ template: UInt8, _ first: String, _ second: String, _ third: String) -> UInt32 {
        var hasher = FeatureHasher(template)
        hasher.add(first)
        hasher.add(second)
        hasher.add(third)
        return hasher.key
    }
}
