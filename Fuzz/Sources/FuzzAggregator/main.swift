// Fuzzes the aggregator's reply and request handling without sockets. Each input starts a fresh
// Aggregator over a fresh temporary JobStore holding one job of two articles (chunk ids
// `job/0-0` and `job/1-0`), then feeds it the input's pieces (separated by 0xFE): a piece whose
// first byte is 0 is a serialized JobRequest (submit, status, report), any other piece is a
// serialized ExtractReply after that byte. Finally time jumps past every timeout. Garbage must be
// dropped or answered with an error; the store must never fail.
import Aggregation
import Articles
import Extraction
import ExtractionWorker
import Foundation
import FuzzSupport
import NewsWire
import SwiftProtobuf

let articles = [
    Article(
        id: "a1", title: "Talks", date: "2024-03-15", source: "wire",
        text: "Talks resumed in Geneva on Monday. A deal was signed on 3 March 2024, officials said."),
    Article(id: "a2", title: "Storm", text: "A storm hit the coast yesterday. Schools closed on Friday."),
]
let jobID = JobID("job")
let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
let root = URL(fileURLWithPath: base).appendingPathComponent("newsbus-fuzz-aggregator-\(getpid())").path
let start = ContinuousClock.now
let date = Date(timeIntervalSince1970: 1_710_000_000)

/// Runs `body`, trapping if the aggregator throws (the store failed on input it should drop).
func must<T>(_ what: String, _ body: () throws(AggregationError) -> T) -> T {
    do {
        return try body()
    } catch {
        fatalError("aggregator failed on \(what): \(error)")
    }
}

/// A fresh aggregator with the two-article job submitted, and the requests it sent.
func freshAggregator() -> (Aggregator, [Newsbus_V1_ExtractRequest]) {
    try? FileManager.default.removeItem(atPath: root)
    let store = must("opening the store") { () throws(AggregationError) in try JobStore(directory: root + "/store") }
    var aggregator = Aggregator(
        store: store,
        configuration: .init(window: .init(window: 4, timeout: .seconds(5), maximumAttempts: 2), reportsDirectory: root + "/reports"))
    _ = must("resume") { () throws(AggregationError) in try aggregator.resume(now: start, date: date) }
    let (_, output) = must("submit") { () throws(AggregationError) in
        try aggregator.submit(articles, id: jobID, now: start, date: date)
    }
    return (aggregator, output.requests)
}

if let directory = SeedWriter.requestedDirectory {
    let (_, requests) = freshAggregator()
    let pipeline: Pipeline
    do {
        pipeline = try Pipeline(stages: [Tokenizer(), SentenceSplitter(), TemporalNormalizer()])
        let replies: [[UInt8]] = try requests.map { [1] + (try ChunkExtraction.reply(to: $0, pipeline: pipeline).serializedBytes()) }
        var failed = ChunkExtraction.reply(to: requests[0], pipeline: pipeline)
        failed.error = "extractor crashed"
        var status = Newsbus_V1_JobRequest()
        status.schemaVersion = newsbusSchemaVersion
        status.status = Newsbus_V1_StatusQuery()
        var report = status
        var query = Newsbus_V1_ReportQuery()
        query.jobID = jobID.rawValue
        report.report = query
        var submit = status
        var job = Newsbus_V1_SubmitJob()
        var article = Newsbus_V1_Article()
        article.id = "x"
        article.text = "Rain fell in Oslo on Tuesday."
        job.articles = [article]
        submit.submit = job
        let statusBytes: [UInt8] = [0] + (try status.serializedBytes())
        let reportBytes: [UInt8] = [0] + (try report.serializedBytes())
        let submitBytes: [UInt8] = [0] + (try submit.serializedBytes())
        let failedBytes: [UInt8] = [1] + (try failed.serializedBytes())
        func sequence(_ pieces: [[UInt8]]) -> [UInt8] { InputSplitting.join(pieces, with: InputSplitting.messageSeparator) }
        SeedWriter.write(
            [
                ("all-replies-then-report", sequence(replies + [statusBytes, reportBytes])),
                ("duplicate-reply", sequence([replies[0], replies[0], statusBytes])),
                ("failed-then-retry", sequence([failedBytes, replies[1], replies[0], reportBytes])),
                ("submit-then-status", sequence([submitBytes, statusBytes])),
                ("one-reply", sequence([replies[1]])),
            ], to: directory)
    } catch {
        fatalError("cannot build seeds: \(error)")
    }
}

FuzzDriver.run { bytes in
    var (aggregator, _) = freshAggregator()
    var submitted = 0
    for piece in InputSplitting.split(bytes, on: InputSplitting.messageSeparator) {
        guard let kind = piece.first else { continue }
        let payload = Data(piece.dropFirst())
        if kind == 0 {
            guard let request = try? Newsbus_V1_JobRequest(serializedBytes: payload) else { continue }
            let (reply, _) = must("a job request") { () throws(AggregationError) in
                try aggregator.handle(
                    request,
                    makeJobID: {
                        submitted += 1
                        return JobID("fuzz-\(submitted)")
                    }, now: start, date: date)
            }
            InputSplitting.check(reply.schemaVersion == newsbusSchemaVersion, "job reply without schema version")
            InputSplitting.check(reply.result != nil, "job reply without a result")
        } else {
            _ = must("an extract reply") { () throws(AggregationError) in
                try aggregator.receive([payload], now: start, date: date)
            }
        }
    }
    for step in 1...3 {
        _ = must("tick") { () throws(AggregationError) in
            try aggregator.tick(now: start.advanced(by: .seconds(6 * step)), date: date)
        }
    }
}
