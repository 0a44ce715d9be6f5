import Articles
import Foundation
import Testing

@Suite("ArticleReader errors")
struct ArticleReaderErrorTests {
    private func error(reading name: String, _ contents: Data, limit: Int = 10_000_000) throws -> ArticleError? {
        let directory = try TemporaryDirectory()
        let path = try directory.write(name, contents)
        do {
            _ = try ArticleReader(configuration: .init(maximumArticleBytes: limit)).read(paths: [path])
            return nil
        } catch {
            return error
        }
    }

    private func path(of error: ArticleError?) -> String? {
        error.map { ($0.location.path as NSString).lastPathComponent }
    }

    @Test("empty and title-only text files are rejected", arguments: ["", "\n\n", "Only a title\n\n  \n"])
    func emptyText(contents: String) throws {
        let error = try error(reading: "empty.txt", Data(contents.utf8))
        #expect(error == .empty(InputLocation(path: try #require(error?.location.path))))
        #expect(path(of: error) == "empty.txt")
    }

    @Test("NUL bytes are reported as binary with their line")
    func binary() throws {
        let error = try error(reading: "x.txt", Data("Title\n\nok\nbad\u{0}".utf8))
        guard case .binary(let location) = error else {
            Issue.record("expected .binary, got \(String(describing: error))")
            return
        }
        #expect(location.line == 4)
    }

    @Test("invalid UTF-8 is reported with its line")
    func invalidUTF8() throws {
        var data = Data(#"{"text":"fine"}"#.utf8 + [0x0A])
        data.append(contentsOf: [0x7B, 0xC3, 0x28, 0x7D])
        let error = try error(reading: "bad.jsonl", data)
        guard case .invalidUTF8(let location) = error else {
            Issue.record("expected .invalidUTF8, got \(String(describing: error))")
            return
        }
        #expect(location.line == 2)
        #expect(error?.description.contains("bad.jsonl:2") == true)
    }

    @Test(
        "bad JSON lines name the line and the problem",
        arguments: [
            ("{\"text\": \"a\"}\nnot json", 2, "not valid JSON"),
            ("[1, 2]", 1, "not a JSON object"),
            ("{\"text\": 5}", 1, "field 'text'"),
        ])
    func invalidJSON(contents: String, line: Int, reason: String) throws {
        let error = try error(reading: "f.jsonl", Data(contents.utf8))
        guard case .invalidJSON(let location, let actual) = error else {
            Issue.record("expected .invalidJSON, got \(String(describing: error))")
            return
        }
        #expect(location.line == line)
        #expect(actual.contains(reason))
    }

    @Test("a record without text is rejected; one with blank text is empty")
    func missingText() throws {
        let missing = try error(reading: "f.jsonl", Data(#"{"id": "x", "title": "t"}"#.utf8))
        #expect(missing.map { if case .missingText = $0 { true } else { false } } == true)
        let blank = try error(reading: "f.jsonl", Data(#"{"id": "x", "text": "  "}"#.utf8))
        #expect(blank.map { if case .empty = $0 { true } else { false } } == true)
    }

    @Test(
        "dates must be real days written YYYY-MM-DD",
        arguments: ["2025-13-01", "6 Nov 2025", "2025-02-29", "2025-1-01"])
    func badDate(value: String) throws {
        let error = try error(reading: "f.jsonl", Data(#"{"text": "t", "date": "\#(value)"}"#.utf8))
        #expect(error == .badDate(InputLocation(path: try #require(error?.location.path), line: 1), value: value))
    }

    @Test("a bad --date is rejected before any file is read")
    func badDefaultDate() {
        #expect(throws: ArticleError.badDate(InputLocation(path: "--date"), value: "yesterday")) {
            try ArticleReader(configuration: .init(defaultDate: "yesterday")).read(paths: ["/nonexistent"])
        }
    }

    @Test("oversized articles are rejected, for text files and JSON lines")
    func oversized() throws {
        let text = try error(reading: "big.txt", Data(("T\n\n" + String(repeating: "x", count: 200)).utf8), limit: 100)
        #expect(text.map { if case .oversized(_, 203, 100) = $0 { true } else { false } } == true)
        let line = #"{"text": "\#(String(repeating: "y", count: 200))"}"#
        let jsonl = try error(reading: "big.jsonl", Data(("{\"text\":\"ok\"}\n" + line).utf8), limit: 100)
        #expect(jsonl?.location.line == 2)
    }

    @Test("duplicate ids across files name both places")
    func duplicates() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a/same.txt", "T\n\nbody")
        try directory.write("b/feed.jsonl", #"{"id": "same", "text": "other"}"#)
        #expect {
            try ArticleReader().read(paths: [directory.path])
        } throws: { error in
            guard case .duplicateID("same", let first, let second)? = error as? ArticleError else { return false }
            return first.path.hasSuffix("a/same.txt") && second.path.hasSuffix("b/feed.jsonl") && second.line == 1
        }
    }

    @Test("missing paths and empty directories are rejected")
    func missingPaths() throws {
        let directory = try TemporaryDirectory()
        #expect(throws: ArticleError.notFound(InputLocation(path: directory.path + "/nope.txt"))) {
            try ArticleReader().read(paths: [directory.path + "/nope.txt"])
        }
        #expect(throws: ArticleError.noArticles(InputLocation(path: directory.path))) {
            try ArticleReader().read(paths: [directory.path])
        }
    }
}
