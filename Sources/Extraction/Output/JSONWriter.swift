/// Writes compact JSON text with keys in the order they are given (the output contracts fix the
/// key order, which `JSONSerialization`'s sorted keys would not keep).
struct JSONWriter {
    private(set) var text = ""
    private var needsComma: [Bool] = []

    /// Opens an object, as a value or as member `key` of the enclosing object.
    mutating func beginObject(_ key: String? = nil) {
        prefix(key)
        text += "{"
        needsComma.append(false)
    }

    /// Closes the innermost object.
    mutating func endObject() {
        needsComma.removeLast()
        text += "}"
    }

    /// Opens an array, as a value or as member `key`.
    mutating func beginArray(_ key: String? = nil) {
        prefix(key)
        text += "["
        needsComma.append(false)
    }

    /// Closes the innermost array.
    mutating func endArray() {
        needsComma.removeLast()
        text += "]"
    }

    /// A string value, or `null`.
    mutating func string(_ key: String? = nil, _ value: String?) {
        prefix(key)
        if let value { JSONWriter.appendQuoted(value, to: &text) } else { text += "null" }
    }

    /// An integer value.
    mutating func integer(_ key: String? = nil, _ value: Int) {
        prefix(key)
        text += String(value)
    }

    private mutating func prefix(_ key: String?) {
        if let last = needsComma.indices.last {
            if needsComma[last] { text += "," }
            needsComma[last] = true
        }
        if let key {
            JSONWriter.appendQuoted(key, to: &text)
            text += ":"
        }
    }

    /// Appends `value` as a JSON string literal (RFC 8259 escapes; non-ASCII kept as UTF-8).
    static func appendQuoted(_ value: String, to output: inout String) {
        output += "\""
        // Most values need no escape: no control byte, quote or backslash, and no 0xE2 lead byte
        // (U+2028, U+2029). Those are appended whole instead of scalar by scalar.
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) {
            output += value
            output += "\""
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{8}": output += "\\b"
            case "\u{C}": output += "\\f"
            case "\u{2028}": output += "\\u2028"
            case "\u{2029}": output += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}
