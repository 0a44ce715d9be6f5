/// Character tests the tokenizer and sentence splitter share.
enum CharacterClass {
    /// Letters, digits and combining marks.
    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value | 0x20
            return (value >= 0x61 && value <= 0x7A) || (scalar.value >= 0x30 && scalar.value <= 0x39)
        }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
    }

    /// Joiners that may stay inside a word.
    static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "-", "\u{2010}", "\u{2011}", "'", "\u{2019}", ".", ",", ":", "/", "&": true
        default: false
        }
    }

    /// Straight or curly apostrophe.
    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}"
    }

    /// White space (`Unicode.Scalar.Properties.isWhitespace`, with an ASCII fast path).
    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D) }
        return scalar.properties.isWhitespace
    }

    /// Zero-width and format characters that are skipped like spaces.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value < 0x20 || scalar.value == 0x7F }
        return scalar.properties.generalCategory == .format || scalar.properties.generalCategory == .control
    }

    /// Whether the dot at `dotAt` belongs to a run of single-letter initials ("U.S.", "U.N.", "J.R.R.").
    static func isInitialsRun(_ scalars: [Unicode.Scalar], wordStart: Int, dotAt: Int) -> Bool {
        // Pattern: (Letter '.')+ with each letter alone between dots.
        var index = wordStart
        var letters = 0
        while index <= dotAt {
            guard index < scalars.count, scalars[index].properties.isAlphabetic else { return false }
            guard index + 1 < scalars.count, scalars[index + 1] == "." else { return false }
            letters += 1
            if index + 1 == dotAt { break }
            index += 2
        }
        guard letters >= 1 else { return false }
        // A single letter followed by a period counts only if it is upper case ("J." in "J. Smith").
        return letters > 1 || scalars[wordStart].properties.isUppercase
    }

    /// Whether the dot at `dotAt` is inside or ends a run of two or more single lower-case letters
    /// each followed by a period ("a.m.", "p.m.", "e.g.", "i.e."), looking ahead as well as back.
    static func isLowercaseInitialsRun(_ scalars: [Unicode.Scalar], wordStart: Int, dotAt: Int) -> Bool {
        func isSingleLetterDot(_ index: Int) -> Bool {
            index >= 0 && index + 1 < scalars.count && scalars[index].properties.isLowercase
                && scalars[index + 1] == "."
        }
        // Every letter from the word start up to the dot is a single letter with its dot.
        var index = wordStart
        var letters = 0
        while index < dotAt {
            guard isSingleLetterDot(index) else { return false }
            letters += 1
            index += 2
        }
        guard index == dotAt + 1 else { return false }
        // One more "x." after the dot makes a run of two, as does an earlier letter.
        return letters >= 2 || isSingleLetterDot(dotAt + 1)
    }
}
