/// The distinct token forms of one document, each with the string views feature templates read
/// computed once, and every sentence as form ids: news repeats its words, so per-form work
/// (shapes, affixes, cached weight sums) is done once per form instead of once per token.
struct TokenForms: Sendable {
    /// Form → id.
    private var table = StringIDTable()
    /// Each form.
    var words: [String] { table.strings }
    private(set) var lowered: [String] = []
    private(set) var shapes: [String] = []
    private(set) var shortShapes: [String] = []
    private(set) var normalized: [String] = []
    /// Number of Unicode scalars of each form.
    private(set) var scalarCounts: [Int] = []
    /// Whether each form has a letter, and whether it is all capitals.
    private(set) var hasLetter: [Bool] = []
    private(set) var isAllCaps: [Bool] = []
    /// Whether each form is ASCII (`WordShape.isASCII`; its lower-cased form then is too).
    private(set) var isASCII: [Bool] = []
    /// Each form's casing as the entity features name it: "caps", "cap" or "other".
    private(set) var casings: [String] = []
    /// Every sentence as form ids.
    private(set) var sentences: [[Int32]] = []
    /// Each form's lower-cased form as an id (forms that lower-case alike share it: "The", "THE").
    private(set) var loweredIDs: [Int32] = []
    /// Lower-cased form → its id.
    private var loweredTable = StringIDTable()
    /// Number of distinct lower-cased forms.
    var loweredCount: Int { loweredTable.count }
    /// Whether each form is capitalised (`WordShape.isCapitalized`).
    private(set) var isCapitalized: [Bool] = []

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

    /// Every sentence as its words again.
    var sentenceWords: [[String]] { sentences.map { $0.map { words[Int($0)] } } }

    /// Number of distinct forms.
    var count: Int { table.count }

    /// The id of `word`, computing its views when it is new.
    private mutating func id(_ word: String) -> Int32 {
        let known = table.count
        let id = table.id(word)
        guard id == known else { return id }
        let ascii = WordShape.isASCII(word)
        let lower = ascii ? WordShape.lowercasedASCII(word) : WordShape.lowercased(word)
        lowered.append(lower)
        loweredIDs.append(loweredTable.id(lower))
        isCapitalized.append(WordShape.isCapitalized(word))
        shapes.append(ascii ? WordShape.shapeASCII(word, maximumRun: 2) : WordShape.shape(word))
        shortShapes.append(ascii ? WordShape.shapeASCII(word, maximumRun: 1) : WordShape.shortShape(word))
        normalized.append(ascii ? WordShape.normalizedASCII(word) : WordShape.normalized(word))
        isASCII.append(ascii)
        scalarCounts.append(ascii ? word.utf8.count : word.unicodeScalars.count)
        hasLetter.append(WordShape.hasLetter(word))
        let allCaps = WordShape.isAllCaps(word)
        isAllCaps.append(allCaps)
        casings.append(allCaps ? "caps" : WordShape.isCapitalized(word) ? "cap" : "other")
        return id
    }

    /// Whether sentence `index` is an all-caps line (as `TaggingSentence.isAllCaps` finds it).
    func isAllCaps(sentence index: Int) -> Bool {
        var lettered = 0
        for id in sentences[index] where hasLetter[Int(id)] {
            guard isAllCaps[Int(id)] else { return false }
            lettered += 1
        }
        return lettered > 1
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
