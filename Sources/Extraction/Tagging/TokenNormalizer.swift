/// Maps typographic characters of raw news text to the ASCII forms the CoNLL-2003 training data
/// uses, so the taggers see familiar tokens ("Trump’s" → "'s", “ → ").
enum TokenNormalizer {
    static func conllForm(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !$0.isASCII }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\u{2018}", "\u{2019}", "\u{201A}", "\u{2032}": result.append("'")
            case "\u{201C}", "\u{201D}", "\u{201E}", "\u{00AB}", "\u{00BB}": result.append("\"")
            case "\u{2013}", "\u{2010}", "\u{2011}", "\u{2212}": result.append("-")
            case "\u{2014}": result.append(contentsOf: "--".unicodeScalars)
            case "\u{2026}": result.append(contentsOf: "...".unicodeScalars)
            case "\u{00A0}": result.append(" ")
            default: result.append(scalar)
            }
        }
        return String(result)
    }
}
