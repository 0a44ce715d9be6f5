/// One sentence as the event coder sees it: upper-cased words, POS tags and actor spans,
/// all indexed by the token's position inside the sentence.
struct SentenceView {
    /// An entity mention inside the sentence.
    struct Actor {
        /// Index into `Document.entities`.
        var entity: Int
        /// Local token range.
        var range: Range<Int>
        /// The entity's type.
        var type: EntityType
        /// Whether the entity may act as a source (not a bare nationality or other MISC name).
        var canAct: Bool
    }

    /// Index of the sentence in `Document.sentences`.
    let index: Int
    /// Global index of the sentence's first token.
    let offset: Int
    /// Upper-cased token texts.
    let words: [String]
    /// Penn Treebank tags.
    let tags: [String]
    /// Each word and the singulars it may be the regular plural of ("PARTIES" → "PARTY").
    let stems: [[String]]
    /// `WordHash` of each of `stems`.
    let stemHashes: [[UInt64]]
    /// Actors in text order.
    let actors: [Actor]
    /// For each token, the index into `actors` of the actor covering it.
    let actorAt: [Int?]

    init(document: Document, sentence index: Int, mentions: [Int]) {
        let sentence = document.sentences[index]
        self.index = index
        offset = sentence.tokens.lowerBound
        let tokens = document.tokens[sentence.tokens]
        words = tokens.map { SentenceView.normalize($0.text) }
        tags = tokens.map(\.partOfSpeech)
        stems = words.map(SentenceView.stems(of:))
        stemHashes = stems.map { $0.map(WordHash.of) }
        var actors: [Actor] = []
        var actorAt = [Int?](repeating: nil, count: words.count)
        for mention in mentions.map({ document.mentions[$0] }) where mention.tokens.overlaps(sentence.tokens) {
            guard let entity = mention.entity, entity < document.entities.count else { continue }
            let lower = max(mention.tokens.lowerBound, sentence.tokens.lowerBound) - offset
            let upper = min(mention.tokens.upperBound, sentence.tokens.upperBound) - offset
            guard lower < upper, actorAt[lower..<upper].allSatisfy({ $0 == nil }) else { continue }
            let record = document.entities[entity]
            let canAct = record.type != .misc || record.actorCode != nil
            for position in lower..<upper { actorAt[position] = actors.count }
            actors.append(Actor(entity: entity, range: lower..<upper, type: record.type, canAct: canAct))
        }
        self.actors = actors
        self.actorAt = actorAt
    }

    /// The word and the dictionary words it matches as a regular plural.
    static func stems(of word: String) -> [String] {
        var result = [word]
        // A word ending in the character "S" ends in the byte "S": most words are out at once.
        guard word.utf8.last == UInt8(ascii: "S"), word.count > 2, word.hasSuffix("S") else { return result }
        result.append(String(word.dropLast()))
        if word.hasSuffix("ES") { result.append(String(word.dropLast(2))) }
        if word.hasSuffix("IES") { result.append(word.dropLast(3) + "Y") }
        return result
    }

    /// Upper-cases and folds typographic apostrophes ("’s" → "'S").
    static func normalize(_ text: String) -> String {
        // U+2018 and U+2019 are E2 80 98/99 in UTF-8; without an E2 byte only upper-casing is left.
        guard text.utf8.contains(0xE2) else { return text.uppercased() }
        return String(text.uppercased().map { $0 == "\u{2019}" || $0 == "\u{2018}" ? "'" : $0 })
    }

    var count: Int { words.count }

    func tag(_ position: Int) -> String {
        position >= 0 && position < tags.count ? tags[position] : ""
    }

    func word(_ position: Int) -> String {
        position >= 0 && position < words.count ? words[position] : ""
    }

    func isVerb(_ position: Int) -> Bool { tag(position).hasPrefix("VB") }

    func isFiniteVerb(_ position: Int) -> Bool {
        let tag = tag(position)
        return tag == "VBD" || tag == "VBZ" || tag == "VBP" || tag == "MD"
    }

    func isPreposition(_ position: Int) -> Bool {
        let tag = tag(position)
        return tag == "IN" || tag == "TO"
    }

    func isPossessive(_ position: Int) -> Bool {
        tag(position) == "POS" || word(position) == "'S" || word(position) == "'"
    }
}
