/// A compact phrase dictionary: hashed lower-cased token sequences mapped to category masks.
///
/// Phrases are split with the project `Tokenizer`, so they match the tokens the tagger sees.
public struct Gazetteer: Sendable {
    /// Phrase key → category mask.
    private(set) var entries: [UInt32: UInt16]
    /// Longest phrase, in tokens.
    private(set) var maximumLength: Int
    /// `entries` again, as an open-addressing table (key → mask as the row) for fast lookups.
    private var lookup: FeatureTable
    /// For a gazetteer read whole (`init(entries:maximumLength:)`): `key << 32 | 1 << 16 | mask`
    /// slots (0 = empty), one cache line per lookup, looked up in batches; `nil` after `add`.
    private var packed: [UInt64]?
    /// With `packed`: one bit per `filterBit` of every key, 128 KiB (stays in a near cache), so most
    /// absent phrases are rejected without touching the 2 MiB table.
    private var filter: [UInt64] = []

    /// Longest phrase kept, in tokens.
    static let lengthLimit = 6

    /// An empty gazetteer.
    public init() {
        entries = [:]
        maximumLength = 0
        lookup = FeatureTable()
        packed = nil
    }

    init(entries: [UInt32: UInt16], maximumLength: Int) {
        self.entries = entries
        self.maximumLength = maximumLength
        lookup = FeatureTable(capacity: entries.count)
        for (key, mask) in entries { lookup.insert(key, row: Int32(mask)) }
        var size = 16
        while size < entries.count * 2 { size <<= 1 }
        var packed = [UInt64](repeating: 0, count: size)
        for (key, mask) in entries {
            var index = Self.slot(key, mask: size - 1)
            while packed[index] != 0 { index = (index + 1) & (size - 1) }
            packed[index] = UInt64(key) << 32 | 1 << 16 | UInt64(mask)
        }
        self.packed = packed
        var filter = [UInt64](repeating: 0, count: 1 << 14)
        for key in entries.keys {
            let bit = Self.filterBit(key)
            filter[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        self.filter = filter
    }

    /// The filter bit of `key` (20 bits, other bits of the product than the slot's).
    @inline(__always)
    private static func filterBit(_ key: UInt32) -> Int {
        Int(truncatingIfNeeded: (UInt64(key) &* 0x9e37_79b9_7f4a_7c15) >> 44)
    }

    @inline(__always)
    private static func slot(_ key: UInt32, mask: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(key) &* 0x9e37_79b9_7f4a_7c15) >> 32) & mask
    }

    /// The category masks of `keys` (0 for absent ones): every first slot is loaded before any is
    /// examined, so the cache misses overlap.
    private func lookUp(_ keys: [UInt32], in packed: [UInt64]) -> [UInt16] {
        let mask = packed.count - 1
        var found = [UInt64](repeating: 0, count: keys.count)
        packed.withUnsafeBufferPointer { packed in
            filter.withUnsafeBufferPointer { filter in
                for index in keys.indices {
                    let bit = Self.filterBit(keys[index])
                    // A clear filter bit proves the key absent: its slot is never read.
                    found[index] = filter[bit >> 6] & (1 << UInt64(bit & 63)) == 0 ? 0 : 1
                }
            }
            for index in keys.indices where found[index] != 0 {
                found[index] = packed[Self.slot(keys[index], mask: mask)]
            }
            for index in keys.indices {
                var slot = found[index]
                guard slot != 0, UInt32(truncatingIfNeeded: slot >> 32) != keys[index] else { continue }
                var probe = (Self.slot(keys[index], mask: mask) + 1) & mask
                while true {
                    slot = packed[probe]
                    if slot == 0 || UInt32(truncatingIfNeeded: slot >> 32) == keys[index] { break }
                    probe = (probe + 1) & mask
                }
                found[index] = slot
            }
        }
        return found.map { UInt16(truncatingIfNeeded: $0) }
    }

    /// Number of distinct phrases.
    public var count: Int { entries.count }

    /// Adds `phrase` (any case) under `category`; phrases longer than six tokens are ignored.
    public mutating func add(_ phrase: String, as category: GazetteerCategory) {
        let tokens = Tokenizer.tokenize(Array(phrase.unicodeScalars)).map { $0.text.lowercased() }
        guard !tokens.isEmpty, tokens.count <= Gazetteer.lengthLimit else { return }
        let key = Gazetteer.key(tokens[...])
        entries[key, default: 0] |= category.bit
        lookup.insert(key, row: Int32(entries[key, default: 0]))
        packed = nil
        maximumLength = max(maximumLength, tokens.count)
    }

    /// The categories of the exact phrase `lowered` (lower-cased tokens), or 0.
    func mask(of lowered: ArraySlice<String>) -> UInt16 {
        mask(key: Gazetteer.key(lowered))
    }

    private func mask(key: UInt32) -> UInt16 {
        lookup[key].map { UInt16(truncatingIfNeeded: $0) } ?? 0
    }

    /// Every phrase of `lowered` (lower-cased tokens) found in the gazetteer.
    func matches(in lowered: [String]) -> [(range: Range<Int>, mask: UInt16)] {
        // The key of tokens start..<end extends the key of start..<(end - 1) by one token.
        var keys: [UInt32] = []
        keys.reserveCapacity(lowered.count * maximumLength)
        for start in lowered.indices {
            let limit = min(lowered.count, start + maximumLength)
            guard start < limit else { continue }
            var hasher = FeatureHasher(0)
            for end in (start + 1)...limit {
                hasher.add(lowered[end - 1])
                keys.append(hasher.key)
            }
        }
        let masks = packed.map { lookUp(keys, in: $0) } ?? keys.map { mask(key: $0) }
        var found: [(range: Range<Int>, mask: UInt16)] = []
        var next = 0
        for start in lowered.indices {
            let limit = min(lowered.count, start + maximumLength)
            guard start < limit else { continue }
            for end in (start + 1)...limit {
                if masks[next] != 0 { found.append((start..<end, masks[next])) }
                next += 1
            }
        }
        return found
    }

    /// `matches(in:)` for a sentence given as form ids into `lowered` (lower-cased forms).
    func matches(ids: [Int32], lowered: [String]) -> [(range: Range<Int>, mask: UInt16)] {
        var keys: [UInt32] = []
        keys.reserveCapacity(ids.count * maximumLength)
        for start in ids.indices {
            let limit = min(ids.count, start + maximumLength)
            guard start < limit else { continue }
            var hasher = FeatureHasher(0)
            for end in (start + 1)...limit {
                hasher.add(lowered[Int(ids[end - 1])])
                keys.append(hasher.key)
            }
        }
        let masks = packed.map { lookUp(keys, in: $0) } ?? keys.map { mask(key: $0) }
        var found: [(range: Range<Int>, mask: UInt16)] = []
        var next = 0
        for start in ids.indices {
            let limit = min(ids.count, start + maximumLength)
            guard start < limit else { continue }
            for end in (start + 1)...limit {
                if masks[next] != 0 { found.append((start..<end, masks[next])) }
                next += 1
            }
        }
        return found
    }

    static func key(_ tokens: ArraySlice<String>) -> UInt32 {
        var hasher = FeatureHasher(0)
        for token in tokens { hasher.add(token) }
        return hasher.key
    }
}
