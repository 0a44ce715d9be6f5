/// Orthographic summaries of a token: its shape ("Xxxx", "dd-dd"), affixes and flags.
///
/// Every function has an ASCII fast path (bytes, no Unicode property lookups) that gives exactly
/// what the general path gives for ASCII text; other text takes the general path.
enum WordShape {
    /// Each scalar mapped to X (upper), x (lower), d (digit) or itself, runs longer than 2 cut to 2
    /// ("Kassym-Jomart" → "Xxx-Xxx", "1996-08-22" → "dd-dd-dd").
    static func shape(_ text: String) -> String {
        if let ascii = asciiShape(text, maximumRun: 2) { return ascii }
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
        if let ascii = asciiShape(text, maximumRun: 1) { return ascii }
        var result = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            let mapped = map(scalar)
            if mapped != previous { result.append(mapped) }
            previous = mapped
        }
        return String(result)
    }

    /// `shape` (`maximumRun` 2) or `shortShape` (1) of an ASCII text; `nil` for other text.
    private static func asciiShape(_ text: String, maximumRun: Int) -> String? {
        guard isASCII(text) else { return nil }
        return shapeASCII(text, maximumRun: maximumRun)
    }

    /// `shape` (`maximumRun` 2) or `shortShape` (1) of a text known to be ASCII (`isASCII`).
    static func shapeASCII(_ text: String, maximumRun: Int) -> String {
        String(unsafeUninitializedCapacity: text.utf8.count) { output in
            var count = 0
            var previous: UInt8 = 0
            var run = 0
            for byte in text.utf8 {
                let mapped = asciiClass(byte)
                if mapped == previous {
                    run += 1
                    if run > maximumRun { continue }
                } else {
                    run = 1
                    previous = mapped
                }
                output[count] = mapped
                count += 1
            }
            return count
        }
    }

    /// The shape class of an ASCII byte: X, x, d or the byte itself.
    @inline(__always)
    private static func asciiClass(_ byte: UInt8) -> UInt8 {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): UInt8(ascii: "X")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): UInt8(ascii: "x")
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt8(ascii: "d")
        default: byte
        }
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
        guard let first = text.utf8.first else { return false }
        if first < 0x80 { return first >= UInt8(ascii: "A") && first <= UInt8(ascii: "Z") }
        return text.unicodeScalars.first?.properties.isUppercase ?? false
    }

    /// Whether the token has letters and none of them is lower case.
    static func isAllCaps(_ text: String) -> Bool {
        if isASCII(text) {
            var letters = 0
            for byte in text.utf8 {
                if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") { return false }
                if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { letters += 1 }
            }
            return letters > 0
        }
        var letters = 0
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
            if scalar.properties.isLowercase { return false }
            letters += 1
        }
        return letters > 0
    }

    /// Whether the token contains a letter.
    static func hasLetter(_ text: String) -> Bool {
        if isASCII(text) {
            return text.utf8.contains { ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") }
        }
        return text.unicodeScalars.contains { $0.properties.isAlphabetic }
    }

    /// The token with every digit replaced by 0 ("1996-08-22" → "0000-00-00"), lower-cased.
    static func normalized(_ text: String) -> String {
        if isASCII(text) { return normalizedASCII(text) }
        var result = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            result.append(scalar.properties.numericType != nil ? "0" : scalar)
        }
        return String(result)
    }

    /// `normalized` of a text known to be ASCII (`isASCII`).
    static func normalizedASCII(_ text: String) -> String {
        String(unsafeUninitializedCapacity: text.utf8.count) { output in
            var count = 0
            for byte in text.utf8 {
                if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                    output[count] = UInt8(ascii: "0")
                } else if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") {
                    output[count] = byte | 0x20
                } else {
                    output[count] = byte
                }
                count += 1
            }
            return count
        }
    }

    /// The text lower-cased (`String.lowercased()`, with an ASCII fast path).
    static func lowercased(_ text: String) -> String {
        guard isASCII(text) else { return text.lowercased() }
        return lowercasedASCII(text)
    }

    /// `lowercased` of a text known to be ASCII (`isASCII`).
    static func lowercasedASCII(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else { return text }
        return String(unsafeUninitializedCapacity: text.utf8.count) { output in
            var count = 0
            for byte in text.utf8 {
                output[count] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
                count += 1
            }
            return count
        }
    }

    /// Whether every byte of the text is ASCII other than a carriage return (then bytes, scalars
    /// and characters coincide: "\r\n" is the one ASCII pair that forms a single character).
    static func isASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D }
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
