import Articles
import Foundation
import Testing

/// Inputs the FuzzArticles libFuzzer target found (Fuzz/Sources/FuzzArticles): Swift treats
/// "\r\n" as one Character, so splitting text on the Character "\n" never split at CRLF.
@Suite("Fuzz regressions: article readers")
struct FuzzArticlesRegressionTests {
    @Test("a .txt file with \\r\\r\\n after the title keeps the title on one line")
    func textTitleBeforeDoubleCarriageReturn() throws {
        let directory = try TemporaryDirectory()
        // crash-8279b742ae6732ed5eeeb4e28f48c9ca345f40da without its selector byte.
        let path = try directory.write("a.txt", Data([0x6C, 0x0D, 0x0D, 0x0A, 0x65, 0x0A, 0x2B]))
        let article = try #require(try ArticleReader().read(paths: [path]).first)
        #expect(article.title == "l")
        #expect(article.text == "e\n+")
    }

    @Test("a .jsonl file with CRLF line endings is read line by line", arguments: ["\r\n", "\n", "\r\r\n"])
    func jsonLinesWithCRLF(ending: String) throws {
        let directory = try TemporaryDirectory()
        let lines = [#"{"id": "a1", "text": "One."}"#, "", #"{"id": "a2", "text": "Two."}"#]
        let path = try directory.write("feed.jsonl", lines.joined(separator: ending) + ending)
        let articles = try ArticleReader().read(paths: [path])
        #expect(articles.map(\.id) == ["a1", "a2"])
        #expect(articles.map(\.text) == ["One.", "Two."])
    }

    @Test("a .jsonl record without id is named after its line, counting CRLF lines")
    func jsonLinesLineNumbersWithCRLF() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("feed.jsonl", "{\"text\": \"One.\"}\r\n\r\n{\"text\": \"Two.\"}\r\n")
        let articles = try ArticleReader().read(paths: [path])
        #expect(articles.map(\.id) == ["feed:1", "feed:3"])
    }
}
