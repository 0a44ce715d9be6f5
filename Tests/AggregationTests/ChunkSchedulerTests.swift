import Aggregation
import Testing

@Suite("ChunkScheduler")
struct ChunkSchedulerTests {
    typealias Scheduler = ChunkScheduler<TestInstant>
    let job = JobID("j-1")

    private func items(_ layout: [Int]) -> [ScheduledChunk] {
        layout.enumerated().flatMap { article, count in
            (0..<count).map { ScheduledChunk(chunk: ChunkID(article: article, chunk: $0), article: article) }
        }
    }

    private func key(_ article: Int, _ chunk: Int) -> ChunkKey {
        ChunkKey(job: job, chunk: ChunkID(article: article, chunk: chunk))
    }

    private func sends(_ actions: [Scheduler.Action]) -> [String] {
        actions.compactMap { if case .send(let key, let attempt) = $0 { "\(key.chunk)#\(attempt)" } else { nil } }
    }

    @Test("never more than the window in flight; each reply frees a slot")
    func window() {
        var scheduler = Scheduler(configuration: .init(window: 2))
        let first = scheduler.add(job: job, items: items([3, 1]), now: .zero)
        #expect(sends(first) == ["0-0#1", "0-1#1"])
        #expect(scheduler.inFlightCount == 2)
        let (outcome, next) = scheduler.receive(key(0, 1), now: .zero.advanced(by: .seconds(1)))
        #expect(outcome == .accepted)
        #expect(sends(next) == ["0-2#1"])
        #expect(scheduler.inFlightCount == 2)
    }

    @Test("a larger window sends what it has room for at once; a smaller one recalls nothing")
    func resize() {
        var scheduler = Scheduler(configuration: .init(window: 2))
        _ = scheduler.add(job: job, items: items([6]), now: .zero)
        #expect(sends(scheduler.resize(window: 4, now: .zero)) == ["0-2#1", "0-3#1"])
        #expect(scheduler.resize(window: 1, now: .zero).isEmpty)
        #expect(scheduler.inFlightCount == 4)
        // Replies under the smaller window send nothing until the count is under it.
        #expect(sends(scheduler.receive(key(0, 0), now: .zero).1).isEmpty)
        #expect(sends(scheduler.receive(key(0, 1), now: .zero).1).isEmpty)
        #expect(sends(scheduler.receive(key(0, 2), now: .zero).1).isEmpty)
        #expect(sends(scheduler.receive(key(0, 3), now: .zero).1) == ["0-4#1"])
        #expect(scheduler.configuration.window == 1)
        #expect(sends(scheduler.resize(window: 0, now: .zero)).isEmpty, "at least 1")
        #expect(scheduler.configuration.window == 1)
    }

    @Test("the sized window: per worker, between the minimum and the maximum")
    func sizing() {
        let sizing = WindowSizing(minimum: 64, perWorker: 4, maximum: 4096)
        #expect(sizing.window(forWorkers: 0) == 64)
        #expect(sizing.window(forWorkers: 16) == 64)
        #expect(sizing.window(forWorkers: 17) == 68)
        #expect(sizing.window(forWorkers: 1000) == 4000)
        #expect(sizing.window(forWorkers: 2000) == 4096)
        #expect(sizing.window(forWorkers: .max) == 4096)
        #expect(sizing.window(forWorkers: -5) == 64)
        #expect(WindowSizing(minimum: 100, maximum: 10).maximum == 100, "the maximum is never under the minimum")
    }

    @Test("an overdue chunk is retried, then fails with its article after the last attempt")
    func retriesThenFails() throws {
        var scheduler = Scheduler(configuration: .init(window: 4, timeout: .seconds(10), maximumAttempts: 3))
        _ = scheduler.add(job: job, items: items([2, 1]), now: .zero)
        // Chunks 0-1 and 1-0 answer; 0-0 never does.
        _ = scheduler.receive(key(0, 1), now: .zero.advanced(by: .seconds(1)))
        _ = scheduler.receive(key(1, 0), now: .zero.advanced(by: .seconds(1)))
        #expect(scheduler.tick(now: .zero.advanced(by: .seconds(9))).isEmpty)
        #expect(scheduler.nextDeadline == .zero.advanced(by: .seconds(10)))
        #expect(sends(scheduler.tick(now: .zero.advanced(by: .seconds(10)))) == ["0-0#2"])
        #expect(sends(scheduler.tick(now: .zero.advanced(by: .seconds(20)))) == ["0-0#3"])
        let last = scheduler.tick(now: .zero.advanced(by: .seconds(30)))
        let stats = try #require(scheduler.stats(for: job) ?? finishedStats(last))
        #expect(last.contains(.failArticle(job: job, article: 0, reason: "chunk 0-0: no reply after 3 attempts")))
        #expect(last.contains { if case .jobFinished(self.job, _) = $0 { true } else { false } })
        #expect(stats.retries == 2)
        #expect(stats.failures == 1)
        #expect(stats.chunksDone == 2)
        #expect(scheduler.inFlightCount == 0)
        #expect(scheduler.nextDeadline == nil)
    }

    @Test("a duplicate reply is dropped and counted; a late reply after a retry still counts once")
    func duplicates() throws {
        var scheduler = Scheduler(configuration: .init(window: 4, timeout: .seconds(5)))
        _ = scheduler.add(job: job, items: items([2]), now: .zero)
        #expect(scheduler.receive(key(0, 0), now: .zero).0 == .accepted)
        #expect(scheduler.receive(key(0, 0), now: .zero).0 == .duplicate)
        // 0-1 times out and is resent; the first attempt's reply arrives, then the second's.
        #expect(sends(scheduler.tick(now: .zero.advanced(by: .seconds(5)))) == ["0-1#2"])
        let (outcome, actions) = scheduler.receive(key(0, 1), now: .zero.advanced(by: .seconds(6)))
        #expect(outcome == .accepted)
        let stats = try #require(finishedStats(actions))
        #expect(stats.duplicatesDropped == 1)
        #expect(stats.retries == 1)
        #expect(stats.chunksDone == 2)
        // The job is finished: a straggler is late, not a second result.
        #expect(scheduler.receive(key(0, 1), now: .zero.advanced(by: .seconds(7))).0 == .late)
    }

    @Test("a worker error fails the article at once and cancels its other chunks")
    func workerError() {
        var scheduler = Scheduler(configuration: .init(window: 1))
        _ = scheduler.add(job: job, items: items([3, 1]), now: .zero)
        let (outcome, actions) = scheduler.receive(key(0, 0), error: "bad UTF-8", now: .zero)
        #expect(outcome == .accepted)
        #expect(actions.first == .failArticle(job: job, article: 0, reason: "worker error on chunk 0-0: bad UTF-8"))
        // The article's other chunks are skipped: the next send is article 1.
        #expect(sends(actions) == ["1-0#1"])
        #expect(scheduler.stats(for: job)?.failures == 1)
    }

    @Test("the next deadline is the oldest send still in flight, whatever order replies come in")
    func nextDeadlineFollowsOldestInFlight() {
        var scheduler = Scheduler(configuration: .init(window: 2, timeout: .seconds(10)))
        _ = scheduler.add(job: job, items: items([4]), now: .zero)
        // 0-0 and 0-1 sent at 0 s; 0-1 answers at 1 s, so 0-2 goes out then (deadline 11 s).
        _ = scheduler.receive(key(0, 1), now: .zero.advanced(by: .seconds(1)))
        #expect(scheduler.nextDeadline == .zero.advanced(by: .seconds(10)))
        // 0-0 answers at 2 s (0-3 goes out, deadline 12 s): the earliest left is 0-2's.
        _ = scheduler.receive(key(0, 0), now: .zero.advanced(by: .seconds(2)))
        #expect(scheduler.nextDeadline == .zero.advanced(by: .seconds(11)))
        // 0-2 times out at 11 s and is sent again (deadline 21 s): 0-3's 12 s comes first.
        #expect(sends(scheduler.tick(now: .zero.advanced(by: .seconds(11)))) == ["0-2#2"])
        #expect(scheduler.nextDeadline == .zero.advanced(by: .seconds(12)))
        _ = scheduler.receive(key(0, 3), now: .zero.advanced(by: .seconds(12)))
        #expect(scheduler.nextDeadline == .zero.advanced(by: .seconds(21)))
        _ = scheduler.receive(key(0, 2), now: .zero.advanced(by: .seconds(13)))
        #expect(scheduler.nextDeadline == nil)
    }

    @Test("a worker failure retries the chunk at once, then fails its article with the worker's reason")
    func workerFailureIsAFailedAttempt() throws {
        var scheduler = Scheduler(configuration: .init(window: 2, timeout: .seconds(60), maximumAttempts: 2))
        _ = scheduler.add(job: job, items: items([1]), now: .zero)
        let (outcome, retry) = scheduler.receiveFailure(key(0, 0), reason: "boom", now: .zero)
        #expect(outcome == .accepted)
        #expect(sends(retry) == ["0-0#2"])
        let (_, last) = scheduler.receiveFailure(key(0, 0), reason: "boom again", now: .zero)
        let reason = "chunk 0-0: worker failed after 2 attempts: boom again"
        #expect(last.contains(.failArticle(job: job, article: 0, reason: reason)))
        let stats = try #require(finishedStats(last))
        #expect(stats.retries == 1)
        #expect(stats.failures == 1)
        #expect(scheduler.receiveFailure(key(0, 0), reason: "late", now: .zero).0 == .late)
    }

    @Test("retries go out before new chunks")
    func retryFirst() {
        var scheduler = Scheduler(configuration: .init(window: 1, timeout: .seconds(1)))
        _ = scheduler.add(job: job, items: items([2]), now: .zero)
        #expect(sends(scheduler.tick(now: .zero.advanced(by: .seconds(1)))) == ["0-0#2"])
    }

    @Test("a job with no chunks finishes at once; unknown replies are late")
    func emptyJob() {
        var scheduler = Scheduler()
        let actions = scheduler.add(job: job, items: [], now: .zero)
        #expect(actions == [.jobFinished(job, SchedulerStats())])
        #expect(scheduler.receive(key(0, 0), now: .zero).0 == .late)
    }

    @Test("jobs share one window, first submitted first sent")
    func twoJobs() {
        var scheduler = Scheduler(configuration: .init(window: 3))
        let other = JobID("j-2")
        _ = scheduler.add(job: job, items: items([2]), now: .zero)
        let actions = scheduler.add(job: other, items: items([2]), now: .zero)
        #expect(actions == [.send(ChunkKey(job: other, chunk: ChunkID("0-0")), attempt: 1)])
        #expect(scheduler.activeJobs == [job, other])
    }

    private func finishedStats(_ actions: [Scheduler.Action]) -> SchedulerStats? {
        for action in actions {
            if case .jobFinished(_, let stats) = action { return stats }
        }
        return nil
    }
}
