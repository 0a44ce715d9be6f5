/// Splits news English into tokens the way CoNLL-2003 does ("Trump 's", "U.S.", "Kassym-Jomart").
public struct Tokenizer: PipelineStage {
    public let name = "tokenizer"
    public let requires: Set<Annotation> = []
    public let assigns: Set<Annotation> = [.tokens]

    /// Creates the tokenizer.
    public init() {}

    public func apply(to document: inout Document) throws(ExtractionError) {
        document.tokens = Tokenizer.tokenize(document.scalars)
    }

    /// Tokenizes a scalar array, returning tokens with offsets into it.
    public static func tokenize(_ scalars: [Unicode.Scalar]) -> [Token] {
        var scanner = TokenScanner(scalars: scalars)
        return scanner.run()
    }
}

/// The tokenizer's cursor over the text; one `run()` per document.
struct TokenScanner {
    let scalars: [Unicode.Scalar]
    var position = 0
    var tokens: [Token] = []

    init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    mutating func run() -> [Token] {
        while position < scalars.count {
            let scalar = scalars[position]
            if CharacterClass.isWhitespace(scalar) || CharacterClass.isInvisible(scalar) {
                position += 1
            } else if CharacterClass.isWordScalar(scalar) {
                scanWord()
            } else {
                scanPunctuation()
            }
        }
        return tokens
    }

    private mutating func emit(_ start: Int, _ end: Int) {
        guard end > start else { return }
        tokens.append(Token(text: ScalarText.string(scalars[start..<end]), span: TextSpan(start: start, end: end)))
    }

    private func scalar(at index: Int) -> Unicode.Scalar? {
        index >= 0 && index < scalars.count ? scalars[index] : nil
    }

    /// A run of letters and digits with word-internal joiners (`-`, `'`, `.`, `,`, `/`, `&`).
    private mutating func scanWord() {
        let start = position
        var end = position
        while end < scalars.count {
            let current = scalars[end]
            if CharacterClass.isWordScalar(current) {
                end += 1
            } else if CharacterClass.isJoiner(current), let next = scalar(at: end + 1),
                joins(current, previous: scalars[end - 1], next: next, wordStart: start, at: end)
            {
                end += 1
            } else {
                break
            }
        }
        end = absorbAbbreviationPeriod(start: start, end: end)
        splitClitics(start: start, end: end)
        position = end
    }

    /// Whether joiner `joiner` at `index` stays inside the word.
    private func joins(
        _ joiner: Unicode.Scalar, previous: Unicode.Scalar, next: Unicode.Scalar, wordStart: Int, at index: Int
    ) -> Bool {
        switch joiner {
        case "-", "\u{2010}", "\u{2011}":
            return CharacterClass.isWordScalar(next)
        case "'", "\u{2019}":
            return next.properties.isAlphabetic && previous.properties.isAlphabetic
        case ",", ":":
            // 1,000 and 10:30 stay whole; "Paris,France" does not.
            return previous.properties.numericType != nil && next.properties.numericType != nil
        case ".":
            // 3.5, U.S (initials, also after a hyphen: "D-N.Y."), a.m. and e.g. (lower-case initials)
            if previous.properties.numericType != nil && next.properties.numericType != nil { return true }
            let segment = segmentStart(wordStart: wordStart, before: index)
            return CharacterClass.isInitialsRun(scalars, wordStart: segment, dotAt: index)
                || CharacterClass.isLowercaseInitialsRun(scalars, wordStart: segment, dotAt: index)
        case "/", "&":
            return CharacterClass.isWordScalar(next) && index - wordStart <= 3
        default:
            return false
        }
    }

    /// Where the last hyphen-separated part of the word starting at `wordStart` begins.
    private func segmentStart(wordStart: Int, before index: Int) -> Int {
        var position = index
        while position > wordStart, scalars[position - 1] != "-" { position -= 1 }
        return position
    }

    /// Keeps the final period of abbreviations ("Oct.", "Mr.", "U.S.", "R-Fla.", "a.m.") inside the token.
    private func absorbAbbreviationPeriod(start: Int, end: Int) -> Int {
        guard end < scalars.count, scalars[end] == "." else { return end }
        let segment = segmentStart(wordStart: start, before: end)
        let word = ScalarText.string(scalars[segment..<end])
        if Abbreviations.isAbbreviation(word) || CharacterClass.isInitialsRun(scalars, wordStart: segment, dotAt: end)
            || CharacterClass.isLowercaseInitialsRun(scalars, wordStart: segment, dotAt: end)
        {
            return end + 1
        }
        return end
    }

    /// Splits possessive and negative clitics: "Trump's" → "Trump" "'s", "don't" → "do" "n't".
    private mutating func splitClitics(start: Int, end: Int) {
        let length = end - start
        if length > 2, let apostrophe = scalar(at: end - 2), CharacterClass.isApostrophe(apostrophe),
            let last = scalar(at: end - 1), ["s", "S", "d", "D", "m", "M"].contains(last)
        {
            emit(start, end - 2)
            emit(end - 2, end)
            return
        }
        if length > 3, let apostrophe = scalar(at: end - 3), CharacterClass.isApostrophe(apostrophe),
            let first = scalar(at: end - 2), let last = scalar(at: end - 1)
        {
            let pair = String(first).lowercased() + String(last).lowercased()
            if ["ll", "re", "ve"].contains(pair) {
                emit(start, end - 3)
                emit(end - 3, end)
                return
            }
        }
        if length > 3, let n = scalar(at: end - 3), n == "n" || n == "N",
            let apostrophe = scalar(at: end - 2), CharacterClass.isApostrophe(apostrophe),
            let t = scalar(at: end - 1), t == "t" || t == "T"
        {
            emit(start, end - 3)
            emit(end - 3, end)
            return
        }
        emit(start, end)
    }

    /// One punctuation token; runs such as "...", "--" and "''" stay together.
    private mutating func scanPunctuation() {
        let start = position
        let first = scalars[position]
        var end = position + 1
        if first == "." || first == "-" || first == "'" || first == "`" {
            while end < scalars.count, scalars[end] == first { end += 1 }
        }
        // A leading apostrophe clitic on its own ("'s" after a quote-less space) stays one token.
        if CharacterClass.isApostrophe(first), end < scalars.count, scalars[end] == "s" || scalars[end] == "S",
            end + 1 >= scalars.count || !CharacterClass.isWordScalar(scalars[end + 1])
        {
            end += 1
        }
        emit(start, end)
        position = end
    }
}
