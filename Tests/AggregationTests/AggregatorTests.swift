import Aggregation
import Articles
import Foundation
import NewsWire
import SwiftProtobuf
import Testing

@Suite("Aggregator")
struct AggregatorTests {
    let start = ContinuousClock.now
    let date = Date(timeIntervalSince1970: 1_762_430_400)
    let job = JobID("j-20251106-120000-000001")
    let articles = [
        Article(
            id: "kz", title: "Kazakhstan joins", date: "2025-11-06", source: "Wire",
            text: "Kassym-Jomart Tokayev will join the accords. Later, Tokayev met Trump."),
        Article(id: "empty", title: "Nothing", text: "   "),
        Article(id: "il", title: "Israel", text: "Israel welcomed the move."),
    ]

    /// A fake worker: one PERSON entity per run of capitalised words in the chunk, offsets shifted.
    private func answer(_ request: Newsbus_V1_ExtractRequest) -> Data {
        var entities: [Newsbus_V1_Entity] = []
        var run: [String] = []
        var runStart = 0
        var position = Int(request.offset)
        func close() {
            guard !run.isEmpty else { return }
            let name = run.joined(separator: " ")
            entities.append(Replies.entity("e\(entities.count + 1)", name, "PERSON", mentions: [(name, runStart)]))
            run = []
        }
        for word in request.text.split(separator: " ", omittingEmptySubsequences: false) {
            let name = word.trimmingCharacters(in: .punctuationCharacters)
            if let first = name.first, first.isUppercase, name != "Later" {
                if run.isEmpty { runStart = position }
                run.append(name)
                if name.count != word.count { close() }
            } else {
                close()
            }
            position += word.unicodeScalars.count + 1
        }
        close()
        return (try? Replies.reply(request.chunkID, entities: entities).serializedData()) ?? Data()
    }

    private func makeAggregator(_ directory: TemporaryDirectory, window: Int = 8) throws -> Aggregator {
        let configuration = Aggregator.Configuration(
            window: .init(window: window, timeout: .seconds(30), maximumAttempts: 2), chunkScalars: 50,
            reportsDirectory: directory.path + "/reports")
        return Aggregator(store: try JobStore(directory: directory.path + "/store"), configuration: configuration)
    }

    @Test("a job runs to a report: every chunk sent within the window, empty article failed, duplicates dropped")
    func fullJob() throws {
        let directory = try TemporaryDirectory()
        var aggregator = try makeAggregator(directory, window: 2)
        let (accepted, first) = try aggregator.submit(articles, name: "demo", id: job, now: start, date: date)
        #expect(accepted.articles == 3)
        #expect(accepted.articlesFailed == 1)
        #expect(first.requests.count == 2)
        #expect(first.requests.allSatisfy { $0.jobID == job.rawValue && $0.schemaVersion == newsbusSchemaVersion })
        var queue = first.requests
        var finished: [JobID] = []
        var sent = queue.count
        while let request = queue.first {
            queue.removeFirst()
            #expect(aggregator.inFlightCount <= 2)
            let output = try aggregator.receive([answer(request), answer(request)], now: start, date: date)
            // The second copy is a duplicate, or late when the first one finished the job.
            #expect(output.dropped.count == 1)
            queue += output.requests
            sent += output.requests.count
            finished += output.finished
        }
        #expect(finished == [job])
        #expect(sent == accepted.chunks)
        let report = try aggregator.report(for: job)
        #expect(report.articles.map(\.status) == ["ok", "failed", "ok"])
        #expect(report.articles[1].error == "article has no text")
        let tokayev = try #require(report.entities.first { $0.name == "Kassym-Jomart Tokayev" })
        #expect(tokayev.articles == [.init(article: "kz", mentions: 2)])
        #expect(report.stats.scheduler.duplicatesDropped == accepted.chunks - 1)
        #expect(report.stats.scheduler.chunksDone == accepted.chunks)
        for name in ["report.json", "report.md", "report.html"] {
            #expect(FileManager.default.fileExists(atPath: "\(directory.path)/reports/\(job)/\(name)"))
        }
        #expect(try aggregator.store.job(job).state == .done)
    }

    @Test("a restarted aggregator resends the chunks that were in flight and finishes the job")
    func restart() throws {
        let directory = try TemporaryDirectory()
        var sentBeforeCrash: [Newsbus_V1_ExtractRequest] = []
        do {
            var aggregator = try makeAggregator(directory)
            sentBeforeCrash = try aggregator.submit(articles, id: job, now: start, date: date).output.requests
            _ = try aggregator.receive([answer(sentBeforeCrash[0])], now: start, date: date)
        }
        var restarted = try makeAggregator(directory)
        let resumed = try restarted.resume(now: start, date: date)
        #expect(resumed.requests.map(\.chunkID) == sentBeforeCrash.dropFirst().map(\.chunkID))
        let output = try restarted.receive(resumed.requests.map(answer), now: start, date: date)
        #expect(output.finished == [job])
        #expect(try restarted.report(for: job).articles.map(\.status) == ["ok", "failed", "ok"])
    }

    @Test("chunks sent again after a restart count as retries, and the counters survive the restart")
    func restartCountsRetries() throws {
        let directory = try TemporaryDirectory()
        var sentBeforeCrash: [Newsbus_V1_ExtractRequest] = []
        do {
            var aggregator = try makeAggregator(directory)
            sentBeforeCrash = try aggregator.submit(articles, id: job, now: start, date: date).output.requests
            // One chunk times out and goes out again before the crash: one retry, stored.
            let retried = try aggregator.tick(now: start.advanced(by: .seconds(30)), date: date)
            #expect(retried.requests.count == sentBeforeCrash.count)
            #expect(try aggregator.store.job(job).stats.retries == sentBeforeCrash.count)
        }
        var restarted = try makeAggregator(directory)
        let resumed = try restarted.resume(now: start, date: date)
        #expect(resumed.requests.count == sentBeforeCrash.count)
        #expect(resumed.requests.allSatisfy { $0.attempt == 3 }, "attempt numbers go on after the restart")
        let expected = 2 * sentBeforeCrash.count
        #expect(Aggregator.status(of: try restarted.store.job(job)).retries == UInt32(expected))
        let output = try restarted.receive(resumed.requests.map(answer), now: start, date: date)
        #expect(output.finished == [job])
        #expect(try restarted.report(for: job).stats.scheduler.retries == expected)
    }

    @Test("the report merged while replies arrive out of order equals the one merged from the store")
    func incrementalMergeMatchesStore() throws {
        let directory = try TemporaryDirectory()
        var aggregator = try makeAggregator(directory, window: 16)
        let many = articles + [
            Article(id: "kz2", title: "Again", text: "Later, Tokayev met Trump in Astana. Tokayev and Trump signed."),
            Article(id: "us", title: "US", text: "Donald Trump spoke. Trump then left for Riyadh with Rubio."),
        ]
        let first = try aggregator.submit(many, id: job, now: start, date: date).output
        // The last chunk's reply first; one chunk fails with a worker error, failing its article.
        var requests = Array(first.requests.reversed())
        let failing = try #require(requests.first { $0.articleID == "us" })
        var failure = Replies.reply(failing.chunkID, error: "broken")
        failure.schemaVersion = newsbusSchemaVersion
        var output = try aggregator.receive([try failure.serializedData()], now: start, date: date)
        requests.removeAll { $0.chunkID == failing.chunkID }
        while !requests.isEmpty {
            let request = requests.removeFirst()
            output = try aggregator.receive([answer(request)], now: start, date: date)
            requests += output.requests
        }
        #expect(output.finished == [job])
        let written = try Data(contentsOf: URL(fileURLWithPath: "\(directory.path)/reports/\(job)/report.json"))
        let fromStore = try ReportWriter().render(try aggregator.report(for: job)).json
        #expect(written == fromStore)
        #expect(try aggregator.report(for: job).articles.map(\.status) == ["ok", "failed", "ok", "ok", "failed"])
    }

    @Test("a chunk with no reply is retried, then its article fails with the reason")
    func timeouts() throws {
        let directory = try TemporaryDirectory()
        var aggregator = try makeAggregator(directory)
        let single = [Article(id: "one", title: "", text: "Short text.")]
        let first = try aggregator.submit(single, id: job, now: start, date: date).output
        #expect(aggregator.nextDeadline == start.advanced(by: .seconds(30)))
        let retry = try aggregator.tick(now: start.advanced(by: .seconds(30)), date: date)
        #expect(retry.requests.map(\.attempt) == [2])
        #expect(retry.requests.map(\.chunkID) == first.requests.map(\.chunkID))
        let last = try aggregator.tick(now: start.advanced(by: .seconds(60)), date: date)
        #expect(last.finished == [job])
        let report = try aggregator.report(for: job)
        #expect(report.articles.first?.error == "chunk 0-0: no reply after 2 attempts")
        #expect(report.stats.scheduler.retries == 1)
        // The first attempt's reply arriving now is late and dropped.
        let late = try aggregator.receive(
            [answer(first.requests[0])], now: start.advanced(by: .seconds(61)), date: date)
        #expect(late.dropped.count == 1)
    }

    @Test("garbage, wrong-version and foreign replies are dropped with a reason, not thrown")
    func badReplies() throws {
        let directory = try TemporaryDirectory()
        var aggregator = try makeAggregator(directory)
        _ = try aggregator.submit(articles, id: job, now: start, date: date)
        var wrongVersion = Replies.reply("\(job)/0-0")
        wrongVersion.schemaVersion = 99
        let output = try aggregator.receive(
            [Data([0xFF, 0xFF, 0xFF]), try wrongVersion.serializedData(), try Replies.reply("0-0").serializedData()],
            now: start, date: date)
        #expect(output.dropped.count == 3)
        #expect(output.requests.isEmpty)
    }

    @Test("jobs requests: submit, status and report over protobuf, with clear errors")
    func jobRequests() throws {
        let directory = try TemporaryDirectory()
        var aggregator = try makeAggregator(directory)
        var request = Newsbus_V1_JobRequest()
        request.schemaVersion = newsbusSchemaVersion
        var submit = Newsbus_V1_SubmitJob()
        var article = Newsbus_V1_Article()
        article.id = "x"
        article.text = "Israel welcomed the move."
        submit.articles = [article, article]
        request.submit = submit
        let duplicate = try aggregator.handle(request, makeJobID: { job }, now: start, date: date)
        #expect(duplicate.reply.error.code == "bad_request")
        submit.articles = [article]
        request.submit = submit
        let accepted = try aggregator.handle(request, makeJobID: { job }, now: start, date: date)
        #expect(accepted.reply.accepted.jobID == job.rawValue)
        #expect(accepted.output.requests.count == 1)
        request.status = Newsbus_V1_StatusQuery()
        let status = try aggregator.handle(request, makeJobID: { job }, now: start, date: date)
        #expect(status.reply.statuses.jobs.map(\.state) == ["running"])
        var query = Newsbus_V1_ReportQuery()
        query.jobID = "j-nope"
        request.report = query
        #expect(
            try aggregator.handle(request, makeJobID: { job }, now: start, date: date).reply.error.code == "unknown_job"
        )
        query.jobID = job.rawValue
        request.report = query
        let report = try aggregator.handle(request, makeJobID: { job }, now: start, date: date).reply.report
        #expect(!report.json.isEmpty && !report.markdown.isEmpty && !report.html.isEmpty)
    }
}
