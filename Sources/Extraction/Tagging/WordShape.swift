/// Orthographic summaries of a token: its shape ("Xxxx", "dd-dd"), affixes and flags.
enum WordShape {
    /// Each scalar mapped to X (upper), x (lower), d (digit) or itself, runs longer than 2 cut to 2
    /// ("Kassym-Jomart" → "Xxx-Xxx", "1996-08-22" → "dd-dd-dd").
    static func shape(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        var run = 0
        for scalar in text.unicodeScalars {
            let mapped = map(scalar)
            if mapped == previous {
                run += 1
                if run > 2 { continue }
            } else {
                run = 1
                previous = mapped
            }
            result.append(mapped)
        }
        return String(result)
    }

    /// Like `shape`, but every run collapsed to one character ("Xx-Xx", "d-d-d").
    static func shortShape(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            let mapped = map(scalar)
            if mapped != previous { result.append(mapped) }
            previous = mapped
        }
        return String(result)
    }

    private static func map(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let properties = scalar.properties
        if properties.isUppercase { return "X" }
        if properties.isLowercase { return "x" }
        if properties.numericType != nil { return "d" }
        if properties.isAlphabetic { return "x" }
        return scalar
    }

    /// Whether the first scalar is an upper-case letter.
    static func isCapitalized(_ text: String) -> Bool {
        text.unicodeScalars.first?.properties.isUppercase ?? false
    }

    /// Whether the token has letters and none of them is lower case.
    static func isAllCaps(_ text: String) -> Bool {
        var letters = 0
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
            if scalar.properties.isLowercase { return false }
            letters += 1
        }
        return letters > 0
    }

    /// Whether the token contains a letter.
    static func hasLetter(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.isAlphabetic }
    }

    /// The token with every digit replaced by 0 ("1996-08-22" → "0000-00-00"), lower-cased.
    static func normalized(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            result.append(scalar.properties.numericType != nil ? "0" : scalar)
        }
        return String(result)
    }

    /// The first `count` characters (or all of them).
    static func prefix(_ text: String, _ count: Int) -> String {
        String(text.prefix(count))
    }

    /// The last `count` characters (or all of them).
    static func suffix(_ text: String, _ count: Int) -> String {
        String(text.suffix(count))
    }
}
