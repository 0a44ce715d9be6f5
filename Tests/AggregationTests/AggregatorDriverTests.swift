@testable import Aggregation
import Articles
import Foundation
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

        let inbox = AggregatorInbox()
        let sent = Sent()
        let store: JobStore
        private let done = DispatchSemaphore(value: 0)

        init(_ directory: TemporaryDirectory, attempts: Int) throws {
            let store = try JobStore(directory: directory.path)
            self.store = store
            // A timeout no test waits for: only the failure reply itself can bring the chunk back.
            let configuration = Aggregator.Configuration(
                window: .init(window: 4, timeout: .seconds(3600), maximumAttempts: attempts))
            let (inbox, sent, done) = (inbox, sent, done)
            let driver = AggregatorDriver(core: Aggregator(store: store, configuration: configuration), inbox: inbox) {
                request in sent.append(request)
            }
            self.driver = driver
            Thread {
                driver.run()
                done.signal()
            }.start()
        }

        /// The driver, for replies handed in directly as the client connection's thread does.
        let driver: AggregatorDriver

        /// Submits one article and returns the job id.
        func submit(_ text: String) throws -> JobID {
            var article = Newsbus_V1_Article()
            article.id = "a1"
            article.text = text
            var request = Newsbus_V1_JobRequest()
            request.schemaVersion = newsbusSchemaVersion
            request.submit.articles = [article]
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
        // A status request is answered after the failure reply was handled (one driver thread, FIFO inbox).
        var request = Newsbus_V1_JobRequest()
        request.schemaVersion = newsbusSchemaVersion
        request.status.jobID = job.rawValue
        let slot = JobReplySlot()
        running.inbox.post(.jobRequest(JobFrames.split(try request.serializedBytes()), slot))
        _ = try #require(slot.wait(within: .seconds(60)))
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
}
