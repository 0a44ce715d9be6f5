/// Builds 32-bit feature keys by FNV-1a hashing a template id and its string parts, without
/// building feature strings (fast, and the model stores no training text).
struct FeatureHasher {
    private var state: UInt64

    /// Starts a key for template `template`.
    init(_ template: UInt8) {
        state = 0xcbf2_9ce4_8422_2325
        mix(template)
    }

    /// Mixes one byte in.
    mutating func mix(_ byte: UInt8) {
        state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    /// Mixes a string's UTF-8 bytes in, followed by a separator.
    mutating func add(_ text: String) {
        for byte in text.utf8 { mix(byte) }
        mix(0x1f)
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
    var key: UInt32 {
        UInt32(truncatingIfNeeded: state ^ (state >> 32))
    }

    /// The key of a template with one string part.
    static func key(_ template: UInt8, _ text: String) -> UInt32 {
        var hasher = FeatureHasher(template)
        hasher.add(text)
        return hasher.key
    }

    /// The key of a template with two string parts.
    static func key(_ template: UInt8, _ first: String, _ second: String) -> UInt32 {
        var hasher = FeatureHasher(template)
        hasher.add(first)
        hasher.add(second)
        return hasher.key
    }

    /// The key of a template with three string parts.
    static func key(_ template: UInt8, _ first: String, _ second: String, _ third: String) -> UInt32 {
        var hasher = FeatureHasher(template)
        hasher.add(first)
        hasher.add(second)
        hasher.add(third)
        return hasher.key
    }
}
