import ExtractionModels
import Foundation
import Testing

@testable import Extraction

/// `Pipeline.run(batch:)` gives each article exactly what `run(id:text:articleDate:)` gives it
/// alone: the same rendered JSON for documents, the same error for articles that fail, in order.
@Suite("Pipeline: batch runs")
struct PipelineBatchTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The sample articles (id, text, date), plus two that fail and one that repeats the first.
    static func articles() throws -> [Pipeline.Article] {
        let lines = try String(contentsOf: root.appending(path: "samples/articles.jsonl"), encoding: .utf8)
        var articles: [Pipeline.Article] = []
        for line in lines.split(separator: "\n") {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let text = object["text"] as? String, let id = object["id"] as? String
            else { continue }
            articles.append(
                Pipeline.Article(
                    id: id, text: text, date: (object["date"] as? String).flatMap { CalendarDate(iso: $0) }))
        }
        let first = try #require(articles.first)
        return [
            Pipeline.Article(id: "blank", text: " \n ", date: nil),
            first,
            Pipeline.Article(
                id: "short", text: "Kazakhstan's President Tokayev met Donald Trump in Washington.", date: nil),
            Pipeline.Article(id: "long", text: String(repeating: "Almaty ", count: 40), date: nil),
            Pipeline.Article(id: "again", text: first.text, date: first.date),
        ] + articles.dropFirst()
    }

    /// What the one-by-one run gives: the rendered JSON, or the error.
    static func render(_ result: Result<Document, ExtractionError>, _ article: Pipeline.Article) -> String {
        switch result {
        case .success(let document):
            DocumentJSON.render(
                document, article: ArticleMetadata(id: article.id, title: nil, date: article.date, source: nil))
        case .failure(let error):
            "error: \(error)"
        }
    }

    @Test("a batch gives every article what it gets alone, errors included")
    func batchEqualsSingle() throws {
        let pipeline = try ShippedPipeline.get()
        let limited = try Pipeline(stages: pipeline.stages, maximumLength: 200)
        let articles = try Self.articles()
        let batch = limited.run(batch: articles)
        #expect(batch.count == articles.count)
        for (article, result) in zip(articles, batch) {
            let single = Result { () throws(ExtractionError) -> Document in
                try limited.run(id: article.id, text: article.text, articleDate: article.date)
            }
            #expect(Self.render(result, article) == Self.render(single, article), "article \(article.id)")
        }
        let failures = batch.compactMap { result -> ExtractionError? in
            if case .failure(let error) = result { return error }
            return nil
        }
        #expect(failures.contains(.emptyArticle(id: "blank")))
        #expect(failures.contains { if case .articleTooLong(id: "long", _, _) = $0 { true } else { false } })
    }

    @Test("the shipped pipeline tags a batch as it tags each article alone")
    func shippedBatch() throws {
        let pipeline = try ShippedPipeline.get()
        let articles = try Self.articles()
        for (article, result) in zip(articles, pipeline.run(batch: articles)) {
            let single = Result { () throws(ExtractionError) -> Document in
                try pipeline.run(id: article.id, text: article.text, articleDate: article.date)
            }
            #expect(Self.render(result, article) == Self.render(single, article), "article \(article.id)")
        }
    }

    @Test("a batch split before every step, the parts run apart, gives what it gives whole")
    func splitBatch() throws {
        let pipeline = try ShippedPipeline.get()
        // Four copies under their own ids: enough documents to split within a stage's steps too.
        let articles = try (1...4).flatMap { copy in
            try Self.articles().map { Pipeline.Article(id: "\($0.id)-\(copy)", text: $0.text, date: $0.date) }
        }
        var progress = pipeline.start(batch: articles)
        var parts: [BatchProgress] = []
        var stages: Set<Int> = []
        repeat {
            if progress.waiting >= 2, !pipeline.isFinished(progress) {
                var part = progress.splitOff(1)
                stages.insert(part.stage)
                while pipeline.advance(&part) {}
                parts.append(part)
            }
        } while pipeline.advance(&progress)
        #expect(stages.count == pipeline.stages.count, "a part split off at every stage")
        let whole = pipeline.run(batch: articles)
        let split = Pipeline.results(of: parts + [progress], count: articles.count)
        #expect(split.count == articles.count)
        for (article, (result, alone)) in zip(articles, zip(split, whole)) {
            #expect(Self.render(result, article) == Self.render(alone, article), "article \(article.id)")
        }
    }

    @Test("an empty batch gives no results")
    func emptyBatch() throws {
        #expect(try ShippedPipeline.get().run(batch: []).isEmpty)
    }
}
