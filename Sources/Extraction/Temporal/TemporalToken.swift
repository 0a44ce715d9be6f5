/// A token as the temporal matcher sees it: lower-cased, classified once, numbers parsed.
struct TemporalToken: Sendable {
    /// The token's lower-cased text.
    let lower: String
    /// Whether the first letter is upper case.
    let isCapitalized: Bool
    /// Whether the token starts with a letter.
    let isWord: Bool
    /// The lexicon entry for the token, if any.
    let word: TemporalWord?
    /// The value of an all-digit token ("2023" → 2023), `nil` otherwise.
    let number: Int?
    /// How many digits an all-digit token has, 0 otherwise.
    let digitCount: Int
    /// The value of an ordinal ("18th" → 18), `nil` otherwise.
    let ordinal: Int?
    /// The first day of a day range ("18-19" → 18, "3–7" → 3), `nil` otherwise.
    let rangeStart: Int?
    /// Whether the token starts with an ASCII digit ("2023", "18th", "1990s", "10/07").
    let startsWithDigit: Bool

    /// Classifies `text`.
    init(_ text: String) {
        let first = text.unicodeScalars.first
        let isWord: Bool
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: the same answers as the Unicode properties, without their table lookups.
            let byte = text.utf8.first ?? 0
            isWord = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            self.isCapitalized = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
            self.lower = isWord && text.utf8.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") })
                ? text.lowercased() : text
        } else {
            isWord = first.map { $0.properties.isAlphabetic } ?? false
            self.isCapitalized = first.map { $0.properties.isUppercase } ?? false
            self.lower =
                isWord && text.unicodeScalars.contains(where: { $0.properties.isUppercase }) ? text.lowercased() : text
        }
        self.isWord = isWord
        self.word = isWord ? TemporalLexicon.words[lower] : nil
        guard let first, TemporalToken.digit(first) != nil else {
            (startsWithDigit, digitCount, number, ordinal, rangeStart) = (false, 0, nil, nil, nil)
            return
        }
        var value = 0
        var digits = 0
        var suffix = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if suffix.isEmpty, let digit = TemporalToken.digit(scalar), digits < 9 {
                value = value * 10 + digit
                digits += 1
            } else {
                suffix.append(scalar)
            }
        }
        startsWithDigit = true
        digitCount = suffix.isEmpty ? digits : 0
        number = suffix.isEmpty ? value : nil
        let isSmall = digits <= 2
        ordinal = isSmall && TemporalToken.ordinalSuffixes.contains(String(suffix).lowercased()) ? value : nil
        rangeStart = isSmall && TemporalToken.isDayRangeTail(suffix) && (1...31).contains(value) ? value : nil
    }

    private static let ordinalSuffixes: Set<String> = ["st", "nd", "rd", "th"]

    /// Whether `suffix` is "-19" or "–7": a dash and one or two digits.
    private static func isDayRangeTail(_ suffix: String.UnicodeScalarView) -> Bool {
        guard let dash = suffix.first, dash == "-" || dash == "\u{2013}" else { return false }
        let rest = suffix.dropFirst()
        return (1...2).contains(rest.count) && rest.allSatisfy { digit($0) != nil }
    }

    /// The value of an ASCII digit.
    static func digit(_ scalar: Unicode.Scalar) -> Int? {
        scalar.value >= 48 && scalar.value <= 57 ? Int(scalar.value - 48) : nil
    }

    /// A day of the month written as "18", "07" or "18th".
    var dayOfMonth: Int? {
        if let ordinal, (1...31).contains(ordinal) { return ordinal }
        if let number, digitCount <= 2, (1...31).contains(number) { return number }
        return nil
    }

    /// A day of the month, or the first day of a range ("18-19"), which stands for the whole range.
    var firstDayOfMonth: Int? {
        dayOfMonth ?? rangeStart
    }

    /// A four-digit year between 1000 and 2999.
    var fourDigitYear: Int? {
        guard digitCount == 4, let number, (1000...2999).contains(number) else { return nil }
        return number
    }

    /// A count written as a word ("two") or in digits ("2").
    var count: Int? {
        if case .count(let value) = word { return value }
        if let number, digitCount <= 3, number > 0 { return number }
        return nil
    }

    /// Whether this is a lower-case word that is not a function word (so a preceding number is a quantity).
    var isContentWord: Bool {
        isWord && !isCapitalized && !TemporalLexicon.functionWords.contains(lower)
    }

    /// Sentence-internal punctuation that may follow a date.
    var isPunctuation: Bool {
        !isWord && number == nil && ordinal == nil
            && !lower.unicodeScalars.contains(where: { TemporalToken.digit($0) != nil })
    }
}
