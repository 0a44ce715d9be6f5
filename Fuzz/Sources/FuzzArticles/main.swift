// Fuzzes the article readers on arbitrary file contents. The reader only reads files, so each
// input is written to a temporary file: an even first byte makes it `article.txt`, an odd one
// `article.jsonl`; the rest of the input is the file. Reading must either return valid articles
// or throw an ArticleError that describes itself.
import Articles
import Foundation
import FuzzSupport

let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
let directory = URL(fileURLWithPath: base).appendingPathComponent("newsbus-fuzz-articles-\(getpid())")
let reader = ArticleReader(configuration: .init(maximumArticleBytes: 2000, defaultDate: "2024-01-31"))

if let seeds = SeedWriter.requestedDirectory {
    let text = "Storm hits coast\n\nA storm hit the coast on Friday.\nSchools closed.\n"
    let jsonl = """
        {"id":"a1","title":"Talks","date":"2024-03-15","source":"wire","text":"Talks resumed in Geneva."}
        {"title":"No id","text":"Rain fell in Oslo on Tuesday."}

        {"id":"a3","text":"Line\\nbreaks and \\u00e9 escapes."}\r

        """
    SeedWriter.write(
        [
            ("txt", [0] + Array(text.utf8)),
            ("txt-crlf-bom", [0, 0xEF, 0xBB, 0xBF] + Array("Title\r\n\r\nBody line\r\n".utf8)),
            ("jsonl", [1] + Array(jsonl.utf8)),
            ("jsonl-bad-date", [1] + Array(#"{"id":"b","date":"2024-02-30","text":"x"}"#.utf8)),
        ], to: seeds)
}

do {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
} catch {
    fatalError("cannot create \(directory.path): \(error)")
}

FuzzDriver.run { bytes in
    guard let selector = bytes.first else { return }
    let isText = selector % 2 == 0
    let file = directory.appendingPathComponent(isText ? "article.txt" : "article.jsonl")
    do {
        try Data(bytes.dropFirst()).write(to: file)
    } catch {
        fatalError("cannot write \(file.path): \(error)")
    }
    do {
        let articles = try reader.read(paths: [file.path])
        InputSplitting.check(!articles.isEmpty, "no articles and no error")
        for article in articles {
            InputSplitting.check(!article.id.isEmpty, "article without id")
            InputSplitting.check(article.text.contains { !$0.isWhitespace }, "article with a blank text")
            InputSplitting.check(article.date.map(Article.isValidDate) ?? true, "article with an invalid date")
            if isText {
                InputSplitting.check(article.id == "article", "text article named \(article.id)")
                InputSplitting.check(!article.title.contains("\n"), "title spans lines")
            }
        }
        InputSplitting.check(Set(articles.map(\.id)).count == articles.count, "duplicate ids accepted")
    } catch {
        InputSplitting.check(!"\(error)".isEmpty, "an error without a message")
    }
}
