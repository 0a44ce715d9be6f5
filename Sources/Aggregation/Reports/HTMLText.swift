/// Escaping for text placed in HTML (element content and attribute values alike).
enum HTMLText {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by entities.
    static func escape(_ text: String) -> String {
        // Most text (names, sentences) has nothing to replace: give it back without rebuilding it.
        let plain = text.utf8.allSatisfy { byte in
            byte >= 0x20 ? !(byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27)
                : byte == 0x09 || byte == 0x0A || byte == 0x0D
        }
        if plain { return text }
        // The characters replaced are ASCII and UTF-8 never uses ASCII bytes inside a longer
        // sequence, so the replacing is done on bytes; everything else is copied as it is.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 32)
        for byte in text.utf8 {
            switch byte {
            case 0x26: bytes.append(contentsOf: "&amp;".utf8)
            case 0x3C: bytes.append(contentsOf: "&lt;".utf8)
            case 0x3E: bytes.append(contentsOf: "&gt;".utf8)
            case 0x22: bytes.append(contentsOf: "&quot;".utf8)
            case 0x27: bytes.append(contentsOf: "&#39;".utf8)
            case 0x09, 0x0A, 0x0D: bytes.append(byte)
            // Control characters other than tab and newlines are not allowed in HTML text.
            case ..<0x20: bytes.append(contentsOf: "\u{FFFD}".utf8)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A number for SVG attributes: at most one decimal, no locale.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
