import Foundation
import Logging
import Majordomo
import NewsWire
import SwiftProtobuf

/// Drives the pure ``Aggregator`` core: resumes unfinished jobs, then takes inbox events (job
/// requests, extraction replies in batches, worker counts), ticks at the core's next deadline, and
/// hands every request the core produces to `send`. Given a check interval it also calls
/// `askWorkers` that often; from the counts that come back it sizes the window (with a
/// ``WindowSizing``), and while the broker has no extraction worker at all, or stops answering,
/// it keeps the chunks in flight from timing out: no reply can come then, and sending them again
/// would only queue copies and use up their attempts.
///
/// The core is not thread-safe; `lock` guards it. The driver's own thread runs ``run()``;
/// ``receive(_:)`` lets the client connection's thread fold an extraction reply in at once,
/// without waking the driver's thread (one thread hop less per chunk).
///
/// `@unchecked Sendable`: `core`, `stopped` and `waitingUntil` are only touched while `lock` is held.
final class AggregatorDriver: @unchecked Sendable {
    private var core: Aggregator
    private let inbox: AggregatorInbox
    private let send: (Newsbus_V1_ExtractRequest) -> Void
    private let logger: Logger
    private var random = SystemRandomNumberGenerator()
    private let lock = NSLock()
    /// Set when ``run()`` leaves: replies handed to ``receive(_:)`` later are ignored.
    private var stopped = false
    /// The deadline the driver's thread waits for in the inbox (`nil`: none, it waits for an event).
    private var waitingUntil: ContinuousClock.Instant?
    /// How often to ask the broker for its extraction workers (`nil`: never).
    private let workerCheckInterval: Duration?
    /// How the window follows the number of extraction workers (`nil`: it stays as configured).
    private let sizing: WindowSizing?
    /// Asks the broker how many extraction workers it has; the answer comes as an inbox event.
    private let askWorkers: () -> Void
    /// When to ask next (`nil` without a check interval).
    private var nextWorkerCheck: ContinuousClock.Instant?
    /// The broker's last count of extraction workers (`nil`: none came yet).
    private var lastWorkerCount: Int?
    /// Whether the broker ever answered a question about its workers (a broker that never does,
    /// such as one without `mmi.services` that stays silent, is never taken for a silent one).
    private var everAnswered = false
    /// When the oldest question still without an answer was asked (`nil`: all answered).
    private var unansweredSince: ContinuousClock.Instant?
    /// Set while timeouts are held with chunks in flight (for the log).
    private var pausedSince: ContinuousClock.Instant?

    init(
        core: Aggregator, inbox: AggregatorInbox,
        logger: Logger = Logger(label: "newsbus.aggregator", factory: { _ in SwiftLogNoOpLogHandler() }),
        workerCheckInterval: Duration? = nil, sizing: WindowSizing? = nil, askWorkers: @escaping () -> Void = {},
        send: @escaping (Newsbus_V1_ExtractRequest) -> Void
    ) {
        self.core = core
        self.inbox = inbox
        self.logger = logger
        self.workerCheckInterval = workerCheckInterval
        self.sizing = sizing
        self.askWorkers = askWorkers
        self.send = send
    }

    /// Runs until the inbox is stopped. Store failures are logged; the loop keeps going so status
    /// queries still get answers.
    func run() {
        lock.lock()
        perform("resume") { core, now, date throws(AggregationError) in try core.resume(now: now, date: date) }
        let running = (try? core.store.jobs().filter { $0.state == .running }.count) ?? 0
        logger.info("aggregator ready", metadata: ["store.path": "\(core.store.path)", "jobs.resumed": "\(running)"])
        if workerCheckInterval != nil { nextWorkerCheck = .now }
        while true {
            waitingUntil = earlier(core.nextDeadline, nextWorkerCheck)
            lock.unlock()
            let (events, stop) = inbox.take(waitingUntil: waitingUntil)
            lock.lock()
            var replies: [[[UInt8]]] = []
            for event in events {
                switch event {
                case .extractReply(let body):
                    replies.append(body)
                case .jobRequest(let body, let slot):
                    slot.fill(answer(body))
                case .extractWorkers(let count):
                    counted(extractionWorkers: count)
                case .wake:
                    break
                }
            }
            if stop { break }
            fold(replies)
            let now = ContinuousClock.now
            if let deadline = core.nextDeadline, now >= deadline {
                holdTimeoutsIfPointless(now: now)
                perform("tick") { core, now, date throws(AggregationError) in try core.tick(now: now, date: date) }
            }
            if let workerCheckInterval, let check = nextWorkerCheck, now >= check {
                askWorkers()
                if unansweredSince == nil { unansweredSince = now }
                nextWorkerCheck = now.advanced(by: workerCheckInterval)
            }
        }
        stopped = true
        lock.unlock()
        logger.debug("aggregator driver stopped")
    }

    /// Takes the broker's answer about its extraction workers (`lock` held): `nil` when it
    /// answered something unreadable (it is there, but does not count them). Sizes the window and
    /// says when held timeouts run again.
    private func counted(extractionWorkers workers: Int?) {
        everAnswered = true
        unansweredSince = nil
        if let workers {
            lastWorkerCount = workers
            resizeWindow(forWorkers: workers)
        }
        let now = ContinuousClock.now
        if let since = pausedSince, timeoutHold(now: now) == nil {
            pausedSince = nil
            logger.info(
                "chunk timeouts run again: the broker answers and has extraction workers",
                metadata: [
                    "aggregator.extract_workers": "\(lastWorkerCount ?? 0)",
                    "aggregator.paused": "\(since.duration(to: now))",
                ])
        }
    }

    /// Why a reply cannot come now, so timing chunks out would only queue copies and use up their
    /// attempts: the broker has no extraction worker, or has not answered for three check
    /// intervals (it is down, or cut off from this aggregator). `nil` when replies can come.
    private func timeoutHold(now: ContinuousClock.Instant) -> String? {
        if let interval = workerCheckInterval, everAnswered, let since = unansweredSince,
            since.duration(to: now) > interval * 3
        {
            return "the broker does not answer: chunks wait, their timeouts held until it answers"
        }
        if lastWorkerCount == 0 {
            return "no extraction worker at the broker: chunks wait in its queue, timeouts paused until one comes"
        }
        return nil
    }

    /// While a reply cannot come (see ``timeoutHold(now:)``), chunks in flight start their wait
    /// again instead of timing out (`lock` held; called when a deadline is due). Logs once.
    private func holdTimeoutsIfPointless(now: ContinuousClock.Instant) {
        guard let reason = timeoutHold(now: now) else { return }
        core.postponeDeadlines(now: now)
        if pausedSince == nil, core.inFlightCount > 0 {
            pausedSince = now
            logger.warning("\(reason)", metadata: ["aggregator.in_flight": "\(core.inFlightCount)"])
        }
    }

    /// Sizes the window for `workers` extraction workers (`lock` held); logs a change.
    private func resizeWindow(forWorkers workers: Int) {
        guard let sizing else { return }
        let window = sizing.window(forWorkers: workers)
        guard window != core.window else { return }
        logger.info(
            "window resized for the extraction workers",
            metadata: ["aggregator.window": "\(window)", "aggregator.extract_workers": "\(workers)"])
        perform("window") { core, now, date throws(AggregationError) in
            try core.resizeWindow(to: window, now: now, date: date)
        }
    }

    /// Folds extraction reply bodies into the core at once, in one step (one store transaction), on
    /// the calling thread, and sends what follows from them; ignored once ``run()`` has left.
    func receive(_ bodies: [[[UInt8]]]) {
        guard !bodies.isEmpty else { return }
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return }
        fold(bodies)
        // A deadline earlier than the one the driver's thread waits for: wake it to keep it.
        if let deadline = core.nextDeadline, waitingUntil.map({ deadline < $0 }) ?? true {
            waitingUntil = deadline
            inbox.post(.wake)
        }
    }

    /// Hands reply bodies to the core in one step (`lock` held).
    private func fold(_ bodies: [[[UInt8]]]) {
        var replies: [Data] = []
        var failures: [String] = []
        for body in bodies {
            if let reason = WorkerFailure.reason(in: body) {
                failures.append(reason)
            } else if let reply = usableReply(body) {
                replies.append(reply)
            }
        }
        guard !replies.isEmpty || !failures.isEmpty else { return }
        perform("receive") { core, now, date throws(AggregationError) in
            try core.receive(replies, failures: failures, now: now, date: date)
        }
    }

    /// The reply payload, or `nil` (logged) for replies of the wrong shape.
    private func usableReply(_ body: [[UInt8]]) -> Data? {
        guard body.count == 1, let frame = body.first else {
            logger.debug("dropped an extraction reply with \(body.count) frames")
            return nil
        }
        return Data(frame)
    }

    /// Answers one `newsbus.jobs` request body with one serialized `JobReply` frame.
    private func answer(_ body: [[UInt8]]) -> [[UInt8]] {
        var reply: Newsbus_V1_JobReply
        do {
            reply = handle(try Newsbus_V1_JobRequest(serializedBytes: JobFrames.join(body)))
        } catch {
            // Name the decoder's finding (e.g. invalidUTF8, truncated), so the sender knows what to fix.
            reply = Aggregator.errorReply(
                "bad_request", "the request is not a JobRequest (\(error)); use a matching newsbus client")
        }
        reply.schemaVersion = newsbusSchemaVersion
        return JobFrames.split((try? reply.serializedBytes()) ?? [])
    }

    private func handle(_ request: Newsbus_V1_JobRequest) -> Newsbus_V1_JobReply {
        do {
            let (reply, output) = try core.handle(
                request, makeJobID: { JobID.make(at: Date(), using: &random) }, now: .now, date: Date())
            if case .accepted(let status) = reply.result {
                logger.info(
                    "job accepted",
                    metadata: ["job.id": "\(status.jobID)", "job.articles": "\(status.articles)",
                               "job.chunks": "\(status.chunksTotal)"])
            }
            carryOut(output)
            return reply
        } catch {
            logger.error("job request failed", metadata: ["error": "\(error)"])
            return Aggregator.errorReply("internal", error.description)
        }
    }

    /// Runs one core step with the current clocks, then sends and logs what it produced.
    private func perform(
        _ step: String,
        _ body: (inout Aggregator, ContinuousClock.Instant, Date) throws(AggregationError) -> Aggregator.Output
    ) {
        do {
            carryOut(try body(&core, .now, Date()))
        } catch {
            logger.error("aggregator step failed", metadata: ["step": "\(step)", "error": "\(error)"])
        }
    }

    private func carryOut(_ output: Aggregator.Output) {
        for request in output.requests {
            logger.trace(
                "sending chunk", metadata: ["job.id": "\(request.jobID)", "chunk.id": "\(request.chunkID)",
                                            "chunk.attempt": "\(request.attempt)"])
            send(request)
        }
        for reason in output.dropped {
            logger.debug("dropped an extraction reply", metadata: ["reason": "\(reason)"])
        }
        for job in output.finished {
            logger.info("job finished", metadata: ["job.id": "\(job)"])
        }
        if !output.pruned.isEmpty {
            logger.info(
                "deleted finished jobs past the retention period",
                metadata: ["jobs.count": "\(output.pruned.count)", "jobs.ids": "\(output.pruned.map(\.rawValue))"])
        }
    }
}
