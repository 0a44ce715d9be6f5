import Aggregation
import Articles
import Foundation
import Testing

/// `aggregator.keep_days`: finished jobs past the retention period leave the store with their
/// articles, chunks and report directories; running and recent jobs stay.
@Suite("Retention of finished jobs")
struct RetentionTests {
    let now = Date(timeIntervalSince1970: 1_764_000_000)
    let old = JobID("j-20251101-120000-aaaaaa")
    let recent = JobID("j-20251120-120000-bbbbbb")
    let running = JobID("j-20251001-120000-cccccc")
    let articles = [Article(id: "a", title: "A", text: "One. Two.")]
    let chunks = [Chunk(id: ChunkID("0-0"), article: 0, index: 0, offset: 0, text: "One. Two.")]

    private func days(_ count: Double) -> TimeInterval { count * 86_400 }

    /// A store in `directory` with a job finished 10 days before `now`, one finished 1 day before,
    /// and (unless `withRunning` is false) one running since long before both.
    private func populatedStore(in directory: String, withRunning: Bool = true) throws -> JobStore {
        let store = try JobStore(directory: directory)
        for job in withRunning ? [old, recent, running] : [old, recent] {
            try store.create(
                job: job, name: "", submitted: now.addingTimeInterval(-days(30)), articles: articles, chunks: chunks)
        }
        try store.finish(job: old, at: now.addingTimeInterval(-days(10)), stats: SchedulerStats())
        try store.finish(job: recent, at: now.addingTimeInterval(-days(1)), stats: SchedulerStats())
        return store
    }

    @Test("the store deletes jobs that finished before the cutoff, with their articles and chunks")
    func storePrune() throws {
        let directory = try TemporaryDirectory()
        let store = try populatedStore(in: directory.path)
        #expect(try store.prune(finishedBefore: now.addingTimeInterval(-days(5))) == [old])
        #expect(throws: AggregationError.self) { try store.job(old) }
        #expect(try store.articles(of: old).isEmpty)
        #expect(try store.payloads([ChunkKey(job: old, chunk: ChunkID("0-0"))]).isEmpty)
        #expect(try store.job(recent).state == .done)
        #expect(try store.job(running).state == .running)
        #expect(try store.articles(of: recent).count == 1)
        #expect(try store.prune(finishedBefore: now.addingTimeInterval(-days(5))).isEmpty)
    }

    @Test(
        "the aggregator deletes the old job's report directory too; without keep_days nothing goes",
        arguments: [nil, 5])
    func aggregatorPrune(keepDays: Int?) throws {
        let directory = try TemporaryDirectory()
        let reports = directory.path + "/reports"
        let store = try populatedStore(in: directory.path + "/store")
        for job in [old, recent] {
            let reportDirectory = "\(reports)/\(job.rawValue)"
            try FileManager.default.createDirectory(atPath: reportDirectory, withIntermediateDirectories: true)
            #expect(FileManager.default.createFile(atPath: reportDirectory + "/report.json", contents: Data("{}".utf8)))
        }
        let aggregator = Aggregator(
            store: store, configuration: Aggregator.Configuration(reportsDirectory: reports, keepDays: keepDays))
        let pruned = try aggregator.pruneFinishedJobs(date: now)
        #expect(pruned == (keepDays == nil ? [] : [old]))
        #expect(FileManager.default.fileExists(atPath: "\(reports)/\(old.rawValue)") == (keepDays == nil))
        #expect(FileManager.default.fileExists(atPath: "\(reports)/\(recent.rawValue)/report.json"))
        #expect(try store.jobs().count == (keepDays == nil ? 3 : 2))
    }
}

extension RetentionTests {
    @Test("the aggregator looks at start, then every hour: a job that ages past the period goes at the next check")
    func hourlyChecks() throws {
        let directory = try TemporaryDirectory()
        // No running job: its chunks' reply timeouts would be the nearer deadlines.
        let store = try populatedStore(in: directory.path, withRunning: false)
        var aggregator = Aggregator(store: store, configuration: Aggregator.Configuration(keepDays: 5))
        let start = ContinuousClock.now
        #expect(try aggregator.resume(now: start, date: now).pruned == [old])
        #expect(aggregator.nextDeadline == start.advanced(by: Aggregator.retentionInterval))

        // The recent job (finished a day before `now`) passes its five days while the aggregator runs.
        let later = now.addingTimeInterval(days(5))
        #expect(try aggregator.tick(now: start.advanced(by: .seconds(3599)), date: later).pruned.isEmpty)
        let due = start.advanced(by: Aggregator.retentionInterval)
        #expect(try aggregator.tick(now: due, date: later).pruned == [recent])
        #expect(aggregator.nextDeadline == due.advanced(by: Aggregator.retentionInterval))
        #expect(try store.jobs().isEmpty)
    }

    @Test("without a retention period the aggregator sets no deadline of its own")
    func noChecks() throws {
        let directory = try TemporaryDirectory()
        let store = try populatedStore(in: directory.path, withRunning: false)
        var aggregator = Aggregator(store: store)
        #expect(try aggregator.resume(now: ContinuousClock.now, date: now).pruned.isEmpty)
        #expect(aggregator.nextDeadline == nil)
        #expect(try store.jobs().count == 2)
    }
}
