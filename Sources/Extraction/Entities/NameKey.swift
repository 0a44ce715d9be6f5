/// The normalised form names are looked up by: lower case, curly apostrophes made straight,
/// periods dropped ("U.S." → "us"), runs of spaces (and `_`) collapsed to one.
enum NameKey {
    /// The lookup key for `text`.
    static func of(_ text: some StringProtocol) -> String {
        // Fast path for ASCII, which nearly every name and table phrase is, in a buffer on the
        // stack (the key is never longer than the text): one allocation at most, for the String.
        let key = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, text.utf8.count)) { buffer in
            var count = 0
            var pendingSpace = false
            for byte in text.utf8 {
                switch byte {
                case 0x80...: return nil as String?
                case UInt8(ascii: "."): continue
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "_"):
                    pendingSpace = count > 0
                    continue
                default: break
                }
                if pendingSpace {
                    buffer[count] = UInt8(ascii: " ")
                    count += 1
                    pendingSpace = false
                }
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): buffer[count] = byte + 32
                case UInt8(ascii: "`"): buffer[count] = UInt8(ascii: "'")
                default: buffer[count] = byte
                }
                count += 1
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<count]), as: UTF8.self)
        }
        return key ?? slowKey(text)
    }

    /// The key of several token texts joined by single spaces.
    static func of(tokens: some Sequence<String>) -> String {
        of(tokens.joined(separator: " "))
    }

    private static func slowKey(_ text: some StringProtocol) -> String {
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
            case "A"..."Z": result.append(Unicode.Scalar(scalar.value + 32) ?? scalar)
            default:
                if scalar.isASCII || !scalar.properties.changesWhenLowercased {
                    result.append(scalar)
                } else {
                    result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                }
            }
        }
        return String(result)
    }
}
