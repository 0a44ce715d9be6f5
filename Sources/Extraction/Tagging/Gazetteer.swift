/// A compact phrase dictionary: hashed lower-cased token sequences mapped to category masks.
///
/// Phrases are split with the project `Tokenizer`, so they match the tokens the tagger sees.
public struct Gazetteer: Sendable {
    /// Phrase key → category mask.
    private(set) var entries: [UInt32: UInt16]
    /// Longest phrase, in tokens.
    private(set) var maximumLength: Int

    /// Longest phrase kept, in tokens.
    static let lengthLimit = 6

    /// An empty gazetteer.
    public init() {
        entries = [:]
        maximumLength = 0
    }

    init(entries: [UInt32: UInt16], maximumLength: Int) {
        self.entries = entries
        self.maximumLength = maximumLength
    }

    /// Number of distinct phrases.
    public var count: Int { entries.count }

    /// Adds `phrase` (any case) under `category`; phrases longer than six tokens are ignored.
    public mutating func add(_ phrase: String, as category: GazetteerCategory) {
        let tokens = Tokenizer.tokenize(Array(phrase.unicodeScalars)).map { $0.text.lowercased() }
        guard !tokens.isEmpty, tokens.count <= Gazetteer.lengthLimit else { return }
        let key = Gazetteer.key(tokens[...])
        entries[key, default: 0] |= category.bit
        maximumLength = max(maximumLength, tokens.count)
    }

    /// The categories of the exact phrase `lowered` (lower-cased tokens), or 0.
    func mask(of lowered: ArraySlice<String>) -> UInt16 {
        entries[Gazetteer.key(lowered)] ?? 0
    }

    /// Every phrase of `lowered` (lower-cased tokens) found in the gazetteer.
    func matches(in lowered: [String]) -> [(range: Range<Int>, mask: UInt16)] {
        var found: [(range: Range<Int>, mask: UInt16)] = []
        for start in lowered.indices {
            let limit = min(lowered.count, start + maximumLength)
            guard start < limit else { continue }
            for end in (start + 1)...limit {
                let mask = mask(of: lowered[start..<end])
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
