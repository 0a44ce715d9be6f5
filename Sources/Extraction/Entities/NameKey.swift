/// The normalised form names are looked up by: lower case, curly apostrophes made straight,
/// periods dropped ("U.S." → "us"), runs of spaces collapsed.
enum NameKey {
    /// The lookup key for `text`.
    static func of(_ text: some StringProtocol) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case ".":
                continue
            case " ", "\t", "\n", "\r", "\u{00A0}", "_":
                pendingSpace = !result.isEmpty
                continue
            default:
                break
            }
            if pendingSpace {
                result.append(" ")
                pendingSpace = false
            }
            switch scalar {
            case "\u{2019}", "\u{2018}", "`": result.append("'")
            case "\u{2010}", "\u{2011}", "\u{2013}": result.append("-")
            default: result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(result)
    }

    /// The key of several token texts joined by single spaces.
    static func of(tokens: some Sequence<String>) -> String {
        of(tokens.joined(separator: " "))
    }
}
