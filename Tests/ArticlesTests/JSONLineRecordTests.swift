import Foundation
import NewsbusTestSupport
import Testing

@testable import Articles

/// The `.jsonl` line scanner against Foundation's `JSONDecoder` (what read the lines before): on
/// JSON text it reads the same fields; what it rejects is not JSON, or not a record.
@Suite("JSON line records")
struct JSONLineRecordTests {
    /// The reference: the five optional string fields through `JSONDecoder`.
    private struct Reference: Decodable, Equatable {
        var id: String?
        var title: String?
        var date: String?
        var source: String?
        var text: String?
    }

    private static func scan(_ line: String) -> Result<Reference, JSONLineRecord.Problem> {
        Array(line.utf8).withUnsafeBufferPointer { bytes in
            Result { () throws(JSONLineRecord.Problem) in
                let record = try JSONLineRecord(line: bytes)
                return Reference(
                    id: record.id, title: record.title, date: record.date, source: record.source, text: record.text)
            }
        }
    }

    private static func reference(_ line: String) -> Reference? {
        try? JSONDecoder().decode(Reference.self, from: Data(line.utf8))
    }

    /// A JSON string literal of random text: ASCII, accents, CJK, emoji, quotes, backslashes,
    /// control characters, some written as escapes (surrogate pairs included).
    private static func stringLiteral(_ random: inout SplitMix64) -> String {
        let pieces = ["a", "Z", " ", "é", "中", "😀", "\"", "\\", "/", "\n", "\t", "\u{01}", "\u{7F}", "\u{2028}"]
        var literal = "\""
        for _ in 0..<Int.random(in: 0...12, using: &random) {
            let piece = pieces.randomElement(using: &random).unsafelyUnwrapped
            switch Int.random(in: 0..<3, using: &random) {
            case 0:  // \u escapes, as UTF-16 code units (so astral characters become surrogate pairs)
                literal += piece.utf16.map { "\\u" + String(format: "%04x", $0) }.joined()
            default:
                switch piece {
                case "\"": literal += "\\\""
                case "\\": literal += "\\\\"
                case "\n": literal += "\\n"
                case "\t": literal += "\\t"
                case "\u{01}": literal += "\\u0001"
                default: literal += piece
                }
            }
        }
        return literal + "\""
    }

    /// Any JSON value, nested at most `depth` deep.
    private static func value(_ random: inout SplitMix64, depth: Int) -> String {
        switch Int.random(in: 0..<(depth > 0 ? 8 : 6), using: &random) {
        case 0: return stringLiteral(&random)
        case 1:
            let numbers = ["0", "-0", "12", "-3.25", "1e9", "2.5E-3", "7e+2"]
            return numbers.randomElement(using: &random).unsafelyUnwrapped
        case 2: return "true"
        case 3: return "false"
        case 4: return "null"
        case 5: return stringLiteral(&random)
        case 6:
            let items = (0..<Int.random(in: 0...3, using: &random)).map { _ in value(&random, depth: depth - 1) }
            return "[" + items.joined(separator: " , ") + "]"
        default:
            let members = (0..<Int.random(in: 0...3, using: &random)).map { index in
                "\"k\(index)\":" + value(&random, depth: depth - 1)
            }
            return "{" + members.joined(separator: ",") + "}"
        }
    }

    /// A record line: some of the five fields (strings or null), other members, spaced at random.
    private static func record(_ random: inout SplitMix64) -> String {
        var members: [String] = []
        for field in ["id", "title", "date", "source", "text", "url", "tags", "meta"].shuffled(using: &random)
        where Bool.random(using: &random) {
            let isKnown = ["id", "title", "date", "source", "text"].contains(field)
            let value = isKnown && Int.random(in: 0..<5, using: &random) > 0
                ? (Int.random(in: 0..<6, using: &random) == 0 ? "null" : stringLiteral(&random))
                : value(&random, depth: 3)
            let space = [" ", "", "\t", "  "]
            members.append(
                "\"\(field)\"" + space.randomElement(using: &random).unsafelyUnwrapped + ":"
                    + space.randomElement(using: &random).unsafelyUnwrapped + value)
        }
        return " {" + members.joined(separator: " ,") + "} "
    }

    @Test("on generated JSON records it reads what JSONDecoder reads, errors included")
    func matchesJSONDecoder() throws {
        var random = SplitMix64(seed: 20_261_129)
        var read = 0
        for _ in 0..<3_000 {
            let line = Self.record(&random)
            let reference = Self.reference(line)
            switch Self.scan(line) {
            case .success(let record):
                #expect(record == reference, "\(line)")
                read += 1
            case .failure(let problem):
                // Only a known field holding something other than a string or null is refused.
                guard case .notString = problem else {
                    Issue.record("refused \(line): \(problem.reason)")
                    continue
                }
                #expect(reference == nil, "\(line)")
            }
        }
        #expect(read > 1_000)
    }

    @Test("cut or corrupted records are refused, never misread")
    func brokenRecords() throws {
        var random = SplitMix64(seed: 7)
        for _ in 0..<3_000 {
            var bytes = Array(Self.record(&random).utf8)
            if Bool.random(using: &random) {
                bytes.removeLast(Int.random(in: 1...max(1, bytes.count - 1), using: &random))
            } else {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] =
                    Array("{}[]\",:\\0x-. ".utf8).randomElement(using: &random).unsafelyUnwrapped
            }
            guard let line = String(validating: bytes, as: UTF8.self) else { continue }
            if case .success(let record) = Self.scan(line) {
                #expect(record == Self.reference(line), "accepted \(line)")
            }
        }
    }

    @Test(
        "each kind of problem gets its reason",
        arguments: [
            ("not json", "not valid JSON at character 1"),
            ("[1, 2]", "not a JSON object"),
            ("\"text\"", "not a JSON object"),
            (#"{"text": 5}"#, "field 'text' is not a String"),
            (#"{"id": ["a"], "text": "x"}"#, "field 'id' is not a String"),
            (#"{"text": "bad \q escape"}"#, "field 'text' is malformed at character 16"),
            (#"{"text": "lone \ud800 surrogate"}"#, "field 'text' is malformed at character 22"),
            ("{\"text\": \"raw \u{1F} control\"}", "field 'text' is malformed at character 15"),
            ("{\"note\": \"raw \t tab\", \"text\": \"a\"}", "not valid JSON at character 15"),
            (#"{"text": "x",}"#, "not valid JSON at character 14"),
            (#"{"text": "x"} trailing"#, "not valid JSON at character 15"),
            (#"{"text": "unterminated"#, "not valid JSON at character 23"),
            (#"{"x": 01, "text": "a"}"#, "not valid JSON at character 8"),
            (#"{"t": "é", "x": 01, "text": "a"}"#, "not valid JSON at character 18"),
        ])
    func reasons(line: String, reason: String) {
        guard case .failure(let problem) = Self.scan(line) else {
            Issue.record("accepted \(line)")
            return
        }
        #expect(problem.reason == reason)
    }

    @Test("escapes decode: surrogate pairs, \\u0000, \\/; a repeated field keeps its first value")
    func escapes() throws {
        let record = try Self.scan(#"{"text": "\ud83d\ude00 a\/b \u00e9\u0000", "id": "1", "id": "2"}"#).get()
        #expect(record.text == "😀 a/b é\u{0}")
        #expect(record.id == "1")
    }

    @Test("nesting beyond the limit is refused, within it skipped")
    func depth() throws {
        let deep = String(repeating: "[", count: JSONLineRecord.maximumDepth + 1)
            + String(repeating: "]", count: JSONLineRecord.maximumDepth + 1)
        guard case .failure(.invalid) = Self.scan(#"{"x": \#(deep), "text": "a"}"#) else {
            Issue.record("nesting \(JSONLineRecord.maximumDepth + 1) deep accepted")
            return
        }
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(try Self.scan(#"{"x": \#(fine), "text": "a"}"#).get().text == "a")
    }
}

@Suite("Article fields")
struct ArticleFieldTests {
    @Test(
        "a date is a real day written YYYY-MM-DD in ASCII digits",
        arguments: [
            ("2024-02-29", true), ("2023-02-28", true), ("1999-12-31", true), ("2023-02-29", false),
            ("2024-13-01", false), ("2024-00-10", false), ("2024-01-00", false), ("2024-04-31", false),
            ("2024-1-01", false), ("24-01-01", false), ("+024-01-01", false), ("２０２４-01-01", false),
            ("2024-01-01 ", false), ("2024/01/01", false), ("", false),
        ])
    func dates(value: String, valid: Bool) {
        #expect(Article.isValidDate(value) == valid)
    }

    @Test("fields are trimmed of spaces as CharacterSet.whitespaces has them")
    func trimming() {
        for value in ["", "  ", "a", " a", "a ", "\t a b \t", "\u{00A0}x\u{3000}", "\u{2003}", "x\ny", "\ny\n", "é "] {
            let trimmed = value.trimmingSpaces()
            #expect(trimmed == value.trimmingCharacters(in: .whitespaces), "\(value.debugDescription)")
        }
    }
}
