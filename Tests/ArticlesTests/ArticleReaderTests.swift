import Articles
import Foundation
import Testing

@Suite("ArticleReader")
struct ArticleReaderTests {
    @Test("a .txt file: first line title, blank lines skipped, id from the file name")
    func textFile() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("tokayev-visit.txt", "Kazakhstan joins\n\n\nFirst paragraph.\n\nSecond one.\n")
        let reader = ArticleReader(configuration: .init(defaultDate: "2025-11-06"))
        let articles = try reader.read(paths: [path])
        #expect(
            articles == [
                Article(
                    id: "tokayev-visit", title: "Kazakhstan joins", date: "2025-11-06",
                    text: "First paragraph.\n\nSecond one.")
            ])
    }

    @Test("a .txt file without --date has no date; CRLF and a BOM are normalised")
    func textFileWithoutDate() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("a.txt", "\u{FEFF}Title\r\n\r\nBody line.\r\nMore.")
        let article = try #require(try ArticleReader().read(paths: [path]).first)
        #expect(article.title == "Title")
        #expect(article.text == "Body line.\nMore.")
        #expect(article.date == nil)
    }

    @Test("a .jsonl file: one article per line, missing id becomes <file>:<line>")
    func jsonLines() throws {
        let directory = try TemporaryDirectory()
        let lines = [
            #"{"id": "a1", "title": "One", "date": "2025-11-06", "source": "Wire", "text": "Text one."}"#,
            "",
            #"{"title": "Two", "text": "Text two.", "date": ""}"#,
        ]
        let path = try directory.write("feed.jsonl", lines.joined(separator: "\n") + "\n")
        let articles = try ArticleReader().read(paths: [path])
        #expect(
            articles == [
                Article(id: "a1", title: "One", date: "2025-11-06", source: "Wire", text: "Text one."),
                Article(id: "feed:3", title: "Two", date: nil, source: nil, text: "Text two."),
            ])
    }

    @Test("directories are read recursively, .txt and .jsonl only, in sorted order")
    func directory() throws {
        let directory = try TemporaryDirectory()
        try directory.write("b/second.txt", "B\n\nbody b")
        try directory.write("a.txt", "A\n\nbody a")
        try directory.write("c/feed.jsonl", #"{"id":"c","text":"body c"}"#)
        try directory.write("notes.md", "ignored")
        try directory.write(".hidden.txt", "H\n\nhidden")
        let articles = try ArticleReader().read(paths: [directory.path])
        #expect(articles.map(\.id) == ["a", "second", "c"])
    }

    @Test("the sample article reads the same as text and as JSON lines")
    func samples() throws {
        let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        let text = tests.appendingPathComponent("Fixtures/kazakhstan-abraham-accords.txt").path
        let lines = tests.deletingLastPathComponent().appendingPathComponent("samples/articles.jsonl").path
        let fromText = try ArticleReader().read(paths: [text])
        let fromLines = try ArticleReader().read(paths: [lines])
        #expect(fromText.first?.title == "Kazakhstan to join Abraham Accords")
        #expect(fromLines.first?.title == fromText.first?.title)
        #expect(fromText.first?.text.hasPrefix("Kazakhstan President") == true)
        #expect(fromLines.first?.text.hasPrefix("Kazakhstan President") == true)
    }
}
