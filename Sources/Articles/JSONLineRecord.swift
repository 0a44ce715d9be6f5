/// The fields of one `.jsonl` record, read from one line of JSON text (RFC 8259) by a scanner
/// made for it: an object whose `id`, `title`, `date`, `source` and `text` members are strings
/// or null; any other member may hold any JSON value, which is checked and skipped. Of a field
/// given twice the first counts (as `JSONDecoder` had it).
///
/// Every command reads its articles before the first is extracted; through `JSONDecoder` (a JSON
/// tree per line, then the generic decoding) that was about twice the time this takes, which
/// reads the strings' bytes in place and makes each `String` once. It is strict RFC 8259 where
/// `JSONDecoder` let some things by (a comma before `}`, leading zeros in numbers).
struct JSONLineRecord {
    var id: String?
    var title: String?
    var date: String?
    var source: String?
    var text: String?
    /// The fields read so far, one bit each in the order above.
    private var seen: UInt8 = 0

    /// Why a line is not a record.
    enum Problem: Error, Equatable {
        /// The line is not JSON text: what was found at character `column` (from 1) does not fit.
        case invalid(column: Int)
        /// The line is JSON, but not an object.
        case notObject
        /// A field is neither a string nor null.
        case notString(field: String)
        /// A field's string has a bad escape (or raw control character) at character `column`.
        case malformed(field: String, column: Int)

        /// The reason as `ArticleError.invalidJSON` gives it.
        var reason: String {
            switch self {
            case .invalid(let column): "not valid JSON at character \(column)"
            case .notObject: "not a JSON object"
            case .notString(let field): "field '\(field)' is not a String"
            case .malformed(let field, let column): "field '\(field)' is malformed at character \(column)"
            }
        }
    }

    /// Deepest nesting of arrays and objects accepted in skipped members.
    static let maximumDepth = 512

    /// Reads `line`, bytes of valid UTF-8 (as `TextDecoding` checked them).
    init(line: UnsafeBufferPointer<UInt8>) throws(Problem) {
        var scanner = LineScanner(bytes: line)
        scanner.skipWhitespace()
        guard scanner.peek == UInt8(ascii: "{") else {
            var whole = LineScanner(bytes: line)
            whole.skipWhitespace()
            try whole.skipValue(depth: 0)
            guard whole.skipWhitespace() == nil else { throw whole.invalid() }
            throw .notObject
        }
        scanner.index += 1
        scanner.skipWhitespace()
        if scanner.peek == UInt8(ascii: "}") {
            scanner.index += 1
        } else {
            while true {
                let key = try scanner.string()
                scanner.skipWhitespace()
                guard scanner.peek == UInt8(ascii: ":") else { throw scanner.invalid() }
                scanner.index += 1
                scanner.skipWhitespace()
                try read(key, from: &scanner)
                let next = scanner.skipWhitespace()
                guard next == UInt8(ascii: "}") || next == UInt8(ascii: ",") else { throw scanner.invalid() }
                scanner.index += 1
                if next == UInt8(ascii: "}") { break }
                guard scanner.skipWhitespace() == UInt8(ascii: "\"") else { throw scanner.invalid() }
            }
        }
        guard scanner.skipWhitespace() == nil else { throw scanner.invalid() }
    }

    /// Reads the value of member `key` at the scanner: into its field, or checked and skipped.
    private mutating func read(_ key: String, from scanner: inout LineScanner) throws(Problem) {
        let field: WritableKeyPath<JSONLineRecord, String?>
        let bit: UInt8
        switch key {
        case "id": (field, bit) = (\.id, 1)
        case "title": (field, bit) = (\.title, 2)
        case "date": (field, bit) = (\.date, 4)
        case "source": (field, bit) = (\.source, 8)
        case "text": (field, bit) = (\.text, 16)
        default:
            try scanner.skipValue(depth: 0)
            return
        }
        guard seen & bit == 0 else {
            try scanner.skipValue(depth: 0)
            return
        }
        seen |= bit
        switch scanner.peek {
        case UInt8(ascii: "\""):
            do {
                self[keyPath: field] = try scanner.string()
            } catch .invalid(let column) where scanner.peek != nil {
                throw .malformed(field: key, column: column)
            }
        case UInt8(ascii: "n"):
            try scanner.literal("null")
            self[keyPath: field] = nil
        case nil:
            throw scanner.invalid()
        default:
            try scanner.skipValue(depth: 0)
            throw .notString(field: key)
        }
    }
}

/// A cursor over the bytes of one line of JSON.
private struct LineScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// The line is not JSON: the problem found at the scanner, by its character (from 1).
    func invalid() -> JSONLineRecord.Problem {
        let before = UnsafeBufferPointer(rebasing: bytes[..<min(index, bytes.count)])
        return .invalid(column: 1 + before.count { $0 & 0xC0 != 0x80 })
    }

    /// Skips JSON white space; the next byte, if any.
    @discardableResult
    mutating func skipWhitespace() -> UInt8? {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return bytes[index]
            }
        }
        return nil
    }

    /// The string starting at the scanner (at its opening quote); after it, the scanner is past
    /// the closing quote. Throws `.invalid` for a bad escape, a raw control character or no end
    /// (`peek` is then nil when the line ended first).
    mutating func string() throws(JSONLineRecord.Problem) -> String {
        guard peek == UInt8(ascii: "\"") else { throw invalid() }
        index += 1
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let result = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return result
            }
            if byte == UInt8(ascii: "\\") { return try escapedString(from: start) }
            if byte < 0x20 { throw invalid() }
            index += 1
        }
        throw invalid()
    }

    /// The rest of a string holding escapes, from its first byte `start` (the scanner at the
    /// first backslash): runs of plain bytes are copied whole, escapes decoded between them.
    private mutating func escapedString(from start: Int) throws(JSONLineRecord.Problem) -> String {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count - start)
        var run = start
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 else {
                index += 1
                continue
            }
            utf8.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
            index += 1
            if byte == UInt8(ascii: "\"") { return String(decoding: utf8, as: UTF8.self) }
            guard byte == UInt8(ascii: "\\"), let escape = peek else { throw invalid() }
            index += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
            case UInt8(ascii: "b"): utf8.append(0x08)
            case UInt8(ascii: "f"): utf8.append(0x0C)
            case UInt8(ascii: "n"): utf8.append(0x0A)
            case UInt8(ascii: "r"): utf8.append(0x0D)
            case UInt8(ascii: "t"): utf8.append(0x09)
            case UInt8(ascii: "u"): utf8.append(contentsOf: try unicodeEscape())
            default:
                index -= 1
                throw invalid()
            }
            run = index
        }
        throw invalid()
    }

    /// The UTF-8 of a `\u` escape (the scanner past the `u`), a surrogate pair taken together.
    private mutating func unicodeEscape() throws(JSONLineRecord.Problem) -> [UInt8] {
        let first = try hex4()
        var value = first
        if (0xD800..<0xDC00).contains(first) {
            guard peek == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                throw invalid()
            }
            index += 2
            let second = try hex4()
            guard (0xDC00..<0xE000).contains(second) else { throw invalid() }
            value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        } else if (0xDC00..<0xE000).contains(first) {
            throw invalid()
        }
        guard let scalar = Unicode.Scalar(value), let encoded = UTF8.encode(scalar) else { throw invalid() }
        return Array(encoded)
    }

    /// Four hexadecimal digits as a number.
    private mutating func hex4() throws(JSONLineRecord.Problem) -> UInt32 {
        guard index + 4 <= bytes.count else { throw invalid() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw invalid()
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// Checks and skips one JSON value at the scanner; `depth` counts the arrays and objects
    /// it is inside.
    mutating func skipValue(depth: Int) throws(JSONLineRecord.Problem) {
        switch peek {
        case UInt8(ascii: "\""):
            _ = try string()
        case UInt8(ascii: "{"):
            try skipMembers(closing: UInt8(ascii: "}"), depth: depth, keyed: true)
        case UInt8(ascii: "["):
            try skipMembers(closing: UInt8(ascii: "]"), depth: depth, keyed: false)
        case UInt8(ascii: "t"):
            try literal("true")
        case UInt8(ascii: "f"):
            try literal("false")
        case UInt8(ascii: "n"):
            try literal("null")
        default:
            try number()
        }
    }

    /// Skips an object's members or an array's elements, the scanner at the opening bracket.
    private mutating func skipMembers(closing: UInt8, depth: Int, keyed: Bool) throws(JSONLineRecord.Problem) {
        guard depth < JSONLineRecord.maximumDepth else { throw invalid() }
        index += 1
        if skipWhitespace() == closing {
            index += 1
            return
        }
        while true {
            if keyed {
                _ = try string()
                guard skipWhitespace() == UInt8(ascii: ":") else { throw invalid() }
                index += 1
                skipWhitespace()
            }
            try skipValue(depth: depth + 1)
            let next = skipWhitespace()
            guard next == closing || next == UInt8(ascii: ",") else { throw invalid() }
            index += 1
            if next == closing { return }
            guard skipWhitespace() != nil else { throw invalid() }
        }
    }

    /// Skips `word` (`true`, `false`, `null`).
    mutating func literal(_ word: StaticString) throws(JSONLineRecord.Problem) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw invalid() }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { throw invalid() }
        index += count
    }

    /// Skips a number: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    private mutating func number() throws(JSONLineRecord.Problem) {
        if peek == UInt8(ascii: "-") { index += 1 }
        guard let first = peek, isDigit(first) else { throw invalid() }
        index += 1
        if first != UInt8(ascii: "0") { skipDigits() }
        if peek == UInt8(ascii: ".") {
            index += 1
            guard let digit = peek, isDigit(digit) else { throw invalid() }
            skipDigits()
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            index += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
            guard let digit = peek, isDigit(digit) else { throw invalid() }
            skipDigits()
        }
    }

    private mutating func skipDigits() {
        while let byte = peek, isDigit(byte) { index += 1 }
    }

    private func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
}
