/// The distinct token forms of one document, each with the string views feature templates read
/// computed once, and every sentence as form ids: news repeats its words, so per-form work
/// (shapes, affixes, cached weight sums) is done once per form instead of once per token.
struct TokenForms {
    /// Form → id.
    private var ids: [String: Int32] = [:]
    /// Each form.
    private(set) var words: [String] = []
    private(set) var lowered: [String] = []
    private(set) var shapes: [String] = []
    private(set) var shortShapes: [String] = []
    private(set) var normalized: [String] = []
    /// Number of Unicode scalars of each form.
    private(set) var scalarCounts: [Int] = []
    /// Whether each form has a letter, and whether it is all capitals.
    private(set) var hasLetter: [Bool] = []
    private(set) var isAllCaps: [Bool] = []
    /// Every sentence as form ids.
    private(set) var sentences: [[Int32]] = []

    /// The forms of a document given as sentences of tokens.
    init(_ document: [[String]]) {
        sentences.reserveCapacity(document.count)
        for sentence in document {
            var ids: [Int32] = []
            ids.reserveCapacity(sentence.count)
            for word in sentence { ids.append(id(word)) }
            sentences.append(ids)
        }
    }

    /// Number of distinct forms.
    var count: Int { words.count }

    private mutating func id(_ word: String) -> Int32 {
        if let id = ids[word] { return id }
        let id = Int32(words.count)
        ids[word] = id
        words.append(word)
        lowered.append(WordShape.lowercased(word))
        shapes.append(WordShape.shape(word))
        shortShapes.append(WordShape.shortShape(word))
        normalized.append(WordShape.normalized(word))
        scalarCounts.append(WordShape.isASCII(word) ? word.utf8.count : word.unicodeScalars.count)
        hasLetter.append(WordShape.hasLetter(word))
        isAllCaps.append(WordShape.isAllCaps(word))
        return id
    }

    /// Sentence `index` as the per-token views the feature templates read.
    func view(_ index: Int) -> TaggingSentence {
        let tokens = sentences[index].map(Int.init)
        let lettered = tokens.filter { hasLetter[$0] }
        return TaggingSentence(
            words: tokens.map { words[$0] }, lowered: tokens.map { lowered[$0] },
            shapes: tokens.map { shapes[$0] }, shortShapes: tokens.map { shortShapes[$0] },
            normalized: tokens.map { normalized[$0] }, scalarCounts: tokens.map { scalarCounts[$0] },
            isAllCaps: lettered.count > 1 && lettered.allSatisfy { isAllCaps[$0] })
    }
}
