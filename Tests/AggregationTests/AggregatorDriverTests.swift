@testable import Aggregation
import Articles
import Foundation
import Logging
import NewsWire
import NewsbusTestSupport
import SwiftProtobuf
import Synchronization
import Testing

/// The driver thread with its inbox, fed by hand as the bus would feed it: no sockets.
@Suite("AggregatorDriver")
struct AggregatorDriverTests {
    /// A driver running on its own thread; collects every request it sends.
    final class Running: Sendable {
        /// The requests the driver sent, in order.
        final class Sent: Sendable {
            private let requests = Mutex<[Newsbus_V1_ExtractRequest]>([])
            func append(_ request: Newsbus_V1_ExtractRequest) { requests.withLock { $0.append(request) } }
            var all: [Newsbus_V1_ExtractRequest] { requests.withLock { $0 } }
        }

        /// A count other threads add to.
        final class Count: Sendable {
            private let value = Atomic<Int>(0)
            func add(_ amount: Int = 1) { value.add(amount, ordering: .relaxed) }
            var current: Int { value.load(ordering: .relaxed) }
        }

        let inbox = AggregatorInbox()
        let sent = Sent()
        /// How often the driver asked for the number of workers.
        let asked = Count()
        let store: JobStore
        private let done = DispatchSemaphore(value: 0)

        /// `answer`: the count the "broker" gives when the driver asks for its workers; it stays
        /// silent when `answer` is `nil` or returns `nil`.
        init(
            _ directory: TemporaryDirectory, attempts: Int, timeout: Duration = .seconds(3600),
            workerCheckInterval: Duration? = nil, sizing: WindowSizing? = nil,
            answer: (@Sendable () -> Int?)? = nil
        ) throws {
            let store = try JobStore(directory: directory.path)
            self.store = store
            // By default a timeout no test waits for: only a failure reply can bring a chunk back.
            let configuration = Aggregator.Configuration(
                window: .init(window: sizing?.minimum ?? 4, timeout: timeout, maximumAttempts: attempts))
            let (inbox, sent, done, asked) = (inbox, sent, done, asked)
            let driver = AggregatorDriver(
                core: Aggregator(store: store, configuration: configuration), inbox: inbox,
                workerCheckInterval: workerCheckInterval, sizing: sizing,
                askWorkers: {
                    asked.add()
                    if let count = answer?() { inbox.post(.extractWorkers(count)) }
                }
            ) { request in sent.append(request) }
            self.driver = driver
            Thread {
                driver.run()
                done.signal()
            }.start()
        }

        /// The driver, for replies handed in directly as the client connection's thread does.
        let driver: AggregatorDriver

        /// Submits `text` as `count` articles (one chunk each) and returns the job id.
        func submit(_ text: String, articles count: Int = 1) throws -> JobID {
            var request = Newsbus_V1_JobRequest()
            request.schemaVersion = newsbusSchemaVersion
            request.submit.articles = (1...count).map { index in
                var article = Newsbus_V1_Article()
                article.id = "a\(index)"
                article.text = text
                return article
            }
            let slot = JobReplySlot()
            inbox.post(.jobRequest(JobFrames.split(try request.serializedBytes()), slot))
            let answer = try #require(slot.wait(within: .seconds(60)))
            return JobID(try Newsbus_V1_JobReply(serializedBytes: JobFrames.join(answer)).accepted.jobID)
        }

        /// Waits until the driver has sent `count` requests in all and returns the last one.
        func waitForSend(_ count: Int) async throws -> Newsbus_V1_ExtractRequest {
            let reached = await eventually(within: .seconds(60)) { self.sent.all.count >= count }
            let all = sent.all
            try #require(reached, "the driver sent \(all.count) request(s), expected \(count)")
            return try #require(all.last)
        }

        /// Returns once the driver has handled everything posted before (one driver thread, FIFO
        /// inbox: a status request is answered after the events ahead of it).
        func handledEverythingPosted(_ job: JobID) throws {
            var request = Newsbus_V1_JobRequest()
            request.schemaVersion = newsbusSchemaVersion
            request.status.jobID = job.rawValue
            let slot = JobReplySlot()
            inbox.post(.jobRequest(JobFrames.split(try request.serializedBytes()), slot))
            _ = try #require(slot.wait(within: .seconds(60)))
        }

        /// Posts the MDP worker failure reply ("500" and a reason) a worker sends when its handler throws.
        func failReply(_ reason: String) {
            inbox.post(.extractReply([Array("500".utf8), Array(reason.utf8)]))
        }

        func stop() {
            inbox.stop()
            done.wait()
        }
    }

    @Test("a worker failure reply naming the chunk is a failed attempt at once: retried, then the article fails")
    func workerFailureRetriesAtOnce() async throws {
        let directory = try TemporaryDirectory()
        let running = try Running(directory, attempts: 2)
        defer { running.stop() }
        let job = try running.submit("Israel welcomed the move.")
        let first = try await running.waitForSend(1)
        #expect(first.attempt == 1)
        running.failReply("the 'newsbus.extract' worker failed on this request: chunk '\(first.chunkID)' broke")
        let second = try await running.waitForSend(2)
        #expect(second.chunkID == first.chunkID)
        #expect(second.attempt == 2)
        running.failReply("the 'newsbus.extract' worker failed on this request: chunk '\(first.chunkID)' broke again")
        let finished = await eventually(within: .seconds(60)) {
            (try? running.store.job(job).state) == .done
        }
        #expect(finished, "the job finishes after the last attempt failed")
        let article = try #require(try running.store.articles(of: job).first)
        #expect(article.status == .failed)
        #expect(article.error?.contains("broke again") == true, "the worker's reason: \(article.error ?? "none")")
        #expect(try running.store.job(job).stats.retries == 1)
    }

    @Test("a worker failure reply that names no chunk in flight changes nothing")
    func anonymousFailureIgnored() async throws {
        let directory = try TemporaryDirectory()
        let running = try Running(directory, attempts: 2)
        defer { running.stop() }
        let job = try running.submit("Israel welcomed the move.")
        _ = try await running.waitForSend(1)
        running.failReply("the 'newsbus.extract' worker failed on this request: j-other/0-0 is not ours")
        try running.handledEverythingPosted(job)
        #expect(running.sent.all.count == 1)
        #expect(try running.store.job(job).state == .running)
    }

    @Test("a reply handed in on another thread is folded in at once: the next chunk goes out, the job finishes")
    func directReceiveFromAnotherThread() async throws {
        let directory = try TemporaryDirectory()
        let running = try Running(directory, attempts: 2)
        defer { running.stop() }
        let job = try running.submit("Israel welcomed the move.")
        let request = try await running.waitForSend(1)
        var reply = Newsbus_V1_ExtractReply()
        reply.schemaVersion = newsbusSchemaVersion
        reply.chunkID = request.chunkID
        let body = [try reply.serializedBytes()] as [[UInt8]]
        let driver = running.driver
        let handed = DispatchSemaphore(value: 0)
        Thread {
            driver.receive([body])
            handed.signal()
        }.start()
        handed.wait()
        // Folded in on the handing thread: the store says done before the driver's thread runs again.
        #expect(try running.store.job(job).state == .done)
        #expect(try running.store.job(job).stats.chunksDone == 1)
    }

    @Test("a reply handed in after the driver stopped changes nothing")
    func directReceiveAfterStopIgnored() async throws {
        let directory = try TemporaryDirectory()
        let running = try Running(directory, attempts: 2)
        let job = try running.submit("Israel welcomed the move.")
        let request = try await running.waitForSend(1)
        running.stop()
        var reply = Newsbus_V1_ExtractReply()
        reply.schemaVersion = newsbusSchemaVersion
        reply.chunkID = request.chunkID
        running.driver.receive([[try reply.serializedBytes()]])
        #expect(try running.store.job(job).state == .running)
    }

    @Test("with a sizing, the driver asks for the workers at start and sizes the window from each count")
    func windowFollowsWorkers() async throws {
        let directory = try TemporaryDirectory()
        let sizing = WindowSizing(minimum: 2, perWorker: 3, maximum: 10)
        let running = try Running(directory, attempts: 1, workerCheckInterval: .seconds(3600), sizing: sizing)
        defer { running.stop() }
        let job = try running.submit("Israel welcomed the move.", articles: 30)
        _ = try await running.waitForSend(2)
        try running.handledEverythingPosted(job)
        #expect(running.asked.current == 1, "asked once at start, not again within the interval")
        #expect(running.sent.all.count == 2, "the minimum before any count")

        running.inbox.post(.extractWorkers(3))
        try running.handledEverythingPosted(job)
        #expect(running.sent.all.count == 9, "3 workers x 3")

        running.inbox.post(.extractWorkers(1000))
        try running.handledEverythingPosted(job)
        #expect(running.sent.all.count == 10, "the maximum")

        // Fewer workers: nothing in flight is recalled and nothing new goes out.
        running.inbox.post(.extractWorkers(0))
        try running.handledEverythingPosted(job)
        #expect(running.sent.all.count == 10)
    }

    @Test("without a sizing the driver never asks for the workers")
    func fixedWindowNeverAsks() async throws {
        let directory = try TemporaryDirectory()
        let running = try Running(directory, attempts: 1)
        defer { running.stop() }
        let job = try running.submit("Israel welcomed the move.", articles: 10)
        _ = try await running.waitForSend(4)
        running.inbox.post(.extractWorkers(50))
        try running.handledEverythingPosted(job)
        #expect(running.sent.all.count == 4)
        #expect(running.asked.current == 0)
    }

    /// Why no reply can come for a while: what the "broker" answers when asked for its workers.
    enum Outage: String, CaseIterable, CustomTestStringConvertible {
        /// It answers that it has no extraction worker.
        case noWorkers
        /// It does not answer at all.
        case silentBroker

        /// The answer during the outage (`nil`: none).
        var answer: Int? { self == .noWorkers ? 0 : nil }
        var testDescription: String { rawValue }
    }

    @Test("while no reply can come (no worker, or a silent broker), chunks in flight do not time out; after, they do",
          arguments: Outage.allCases)
    func outageHoldsTimeouts(_ outage: Outage) async throws {
        let directory = try TemporaryDirectory()
        let during = Running.Count()
        let running = try Running(
            directory, attempts: 2, timeout: .milliseconds(200), workerCheckInterval: .milliseconds(20),
            answer: { during.current > 0 ? outage.answer : 1 })
        defer { running.stop() }
        // The outage starts before the chunk goes out, so a slow test thread cannot let its first
        // timeout pass first: the broker answers once, then the outage is seen (past three
        // unanswered questions, for a silent one).
        #expect(await eventually(within: .seconds(60)) { running.asked.current >= 1 })
        during.add()
        let before = running.asked.current
        #expect(await eventually(within: .seconds(60)) { running.asked.current >= before + 4 })
        _ = try running.submit("Israel welcomed the move.")
        let first = try await running.waitForSend(1)
        // Fifty questions take a second: five timeouts' worth.
        let asked = running.asked.current
        #expect(await eventually(within: .seconds(60)) { running.asked.current >= asked + 50 })
        #expect(running.sent.all.count == 1, "no copies queued, no attempts used up")

        during.add(-1)
        let second = try await running.waitForSend(2)
        #expect(second.chunkID == first.chunkID)
        #expect(second.attempt == 2, "once replies can come, the silence counts again")
    }

    @Test("a broker's services answer: the extraction workers, 0 when not listed, nil when unreadable")
    func servicesAnswer() {
        let quiet = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        let listed: [[UInt8]] = [Array("200".utf8), Array("newsbus.extract\t3\t1\t0".utf8), Array("newsbus.jobs\t1\t1\t0".utf8)]
        #expect(AggregatorService.extractionWorkers(in: listed, logger: quiet) == 3)
        #expect(AggregatorService.extractionWorkers(in: [Array("200".utf8)], logger: quiet) == 0)
        #expect(AggregatorService.extractionWorkers(in: [Array("501".utf8)], logger: quiet) == nil)
        #expect(AggregatorService.extractionWorkers(in: [Array("200".utf8), Array("junk".utf8)], logger: quiet) == nil)
    }
}
