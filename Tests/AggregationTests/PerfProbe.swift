import Aggregation
import Articles
import Extraction
import Foundation
import NewsWire
import SwiftProtobuf
import Testing

/// Throughput figures for the aggregator core (no sockets), printed, never asserted: run it through
/// `scripts/bench-aggregation`, which builds in release. A no-op in ordinary test runs.
@Suite("PerfProbe")
struct PerfProbe {
    @Test("throughput probe (runs only with NEWSBUS_PERF=1)")
    func probe() throws {
        guard ProcessInfo.processInfo.environment["NEWSBUS_PERF"] == "1" else { return }
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/kazakhstan-abraham-accords.txt")
        let text = try ArticleReader().read(paths: [sample.path])[0].text
        let count = Int(ProcessInfo.processInfo.environment["NEWSBUS_PERF_ARTICLES"] ?? "5000") ?? 5000
        let articles = (0..<count).map { Article(id: "a\($0)", title: "T", date: "2025-11-06", text: text) }
        let directory = try TemporaryDirectory()
        var aggregator = Aggregator(
            store: try JobStore(directory: directory.path),
            configuration: .init(window: .init(window: 256), reportsDirectory: directory.path + "/reports"))
        let clock = ContinuousClock()
        let chunking = clock.measure {
            for index in 0..<200 { _ = Chunker().chunks(of: text, article: index) }
        }
        let tokenizing = clock.measure {
            for _ in 0..<200 { _ = Extraction.Tokenizer.tokenize(Array(text.unicodeScalars)) }
        }
        print(
            "PERF chunker per article=\(chunking / 200) tokenizer per article=\(tokenizing / 200) scalars=\(text.unicodeScalars.count)"
        )
        let reportClock = clock.now
        let now = clock.now
        var firstBatch: Aggregator.Output = .init()
        let submit = try clock.measure {
            firstBatch = try aggregator.submit(articles, id: JobID("j-perf"), now: now, date: Date()).output
        }
        var queue = firstBatch.requests
        var replies = 0
        var finishedAt: Duration = .zero
        let entities = (1...12).map {
            Replies.entity("e\($0)", "Entity \($0 % 9) Name", "PERSON", mentions: [("x", $0 * 10)])
        }
        let events = [Replies.event("057", source: "e1", target: "e2", date: "2025-11-06")]
        let receive = try clock.measure {
            while !queue.isEmpty {
                let batch = queue.prefix(64)
                queue.removeFirst(batch.count)
                let data = try batch.map { request in
                    var reply = Replies.reply(request.chunkID, entities: entities, events: events)
                    reply.tokens = 100
                    return try reply.serializedData()
                }
                replies += data.count
                let start = clock.now
                let output = try aggregator.receive(data, now: now, date: Date())
                if !output.finished.isEmpty { finishedAt = clock.now - start }
                queue += output.requests
            }
        }
        print(
            "PERF articles=\(count) chunks=\(replies) submit=\(submit) receive-all=\(receive) last-step(finish+report)=\(finishedAt)"
        )
        let buildStart = clock.now
        let report = try aggregator.report(for: JobID("j-perf"))
        let built = clock.now - buildStart
        let renderStart = clock.now
        _ = try ReportWriter().render(report)
        print("PERF report build=\(built) render=\(clock.now - renderStart) since-start=\(clock.now - reportClock)")
        let size = try FileManager.default.attributesOfItem(atPath: directory.path + "/reports/j-perf/report.html")[
            .size]
        print("PERF report.html bytes=\(size ?? 0)")
    }
}
