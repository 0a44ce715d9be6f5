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

    /// Longest phrase kept, in tokens.
    static let lengthLimit = 6

    /// An empty gazetteer.
    public init() {
        entries = [:]
        maximumLength = 0
        lookup = FeatureTable()
    }

    init(entries: [UInt32: UInt16], maximumLength: Int) {
        self.entries = entries
        self.maximumLength = maximumLength
        lookup = FeatureTable(capacity: entries.count)
        for (key, mask) in entries { lookup.insert(key, row: Int32(mask)) }
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
        var found: [(range: Range<Int>, mask: UInt16)] = []
        for start in lowered.indices {
            let limit = min(lowered.count, start + maximumLength)
            guard start < limit else { continue }
            // The key of tokens start..<end extends the key of start..<(end - 1) by one token.
            var hasher = FeatureHasher(0)
            for end in (start + 1)...limit {
                hasher.add(lowered[end - 1])
                let mask = mask(key: hasher.key)
                if mask != 0 { found.append((start..<end, mask)) }
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
