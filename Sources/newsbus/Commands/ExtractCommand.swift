import ArgumentParser
import Extraction
import ExtractionModels
import Foundation

/// `newsbus extract`: runs the extraction pipeline on one file, in this process, no bus.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract entities, dates and events from articles and print one JSON document per article."
    )

    @Option(help: "Article date (YYYY-MM-DD) for every article, overriding the date in the input.")
    var date: String?

    @Argument(help: "A .txt article (first line = title) or a .jsonl file (one {id,title,date,source,text} per line).")
    var file: String

    func validate() throws {
        if let date, CalendarDate(iso: date) == nil {
            throw ValidationError("Please give --date as YYYY-MM-DD, for example 2025-11-06.")
        }
    }

    func run() throws {
        let articles = try ExtractInputReader.read(path: file, date: date.flatMap { CalendarDate(iso: $0) })
        let pipeline = try ExtractionModels.standardPipeline()
        var failures = 0
        for item in articles {
            switch item {
            case .success(let article):
                do {
                    let document = try pipeline.run(
                        id: article.metadata.id, text: article.text, articleDate: article.metadata.date)
                    print(DocumentJSON.render(document, article: article.metadata))
                } catch {
                    failures += 1
                    report("\(article.location): \(error)")
                }
            case .failure(let error):
                failures += 1
                report("\(error)")
            }
        }
        if failures > 0 {
            report("\(failures) of \(articles.count) article(s) failed")
            throw ExitCode.failure
        }
    }

    private func report(_ message: String) {
        FileHandle.standardError.write(Data(("error: " + message + "\n").utf8))
    }
}
