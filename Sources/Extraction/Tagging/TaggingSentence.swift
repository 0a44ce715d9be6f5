/// Per-token string views of one sentence that feature templates read, computed once.
struct TaggingSentence {
    let words: [String]
    let lowered: [String]
    let shapes: [String]
    let shortShapes: [String]
    let normalized: [String]
    /// Number of Unicode scalars of each word.
    let scalarCounts: [Int]
    /// Whether every token with letters is all upper case (a headline or a sports results line).
    let isAllCaps: Bool

    init(_ words: [String]) {
        self.words = words
        lowered = words.map(WordShape.lowercased)
        shapes = words.map(WordShape.shape)
        shortShapes = words.map(WordShape.shortShape)
        normalized = words.map(WordShape.normalized)
        scalarCounts = words.map { WordShape.isASCII($0) ? $0.utf8.count : $0.unicodeScalars.count }
        let lettered = words.filter(WordShape.hasLetter)
        isAllCaps = lettered.count > 1 && lettered.allSatisfy(WordShape.isAllCaps)
    }

    /// A sentence whose views were computed elsewhere (`TokenForms`).
    init(
        words: [String], lowered: [String], shapes: [String], shortShapes: [String], normalized: [String],
        scalarCounts: [Int], isAllCaps: Bool
    ) {
        self.words = words
        self.lowered = lowered
        self.shapes = shapes
        self.shortShapes = shortShapes
        self.normalized = normalized
        self.scalarCounts = scalarCounts
        self.isAllCaps = isAllCaps
    }

    var count: Int { words.count }

    /// The lower-cased word at `index`, or a boundary marker outside the sentence.
    @inline(__always)
    func lower(_ index: Int) -> String {
        if index < 0 { return "<s>" }
        if index >= words.count { return "</s>" }
        return lowered[index]
    }

    /// The short shape at `index`, or a boundary marker outside the sentence.
    @inline(__always)
    func shortShape(_ index: Int) -> String {
        if index < 0 { return "<s>" }
        if index >= words.count { return "</s>" }
        return shortShapes[index]
    }
}
