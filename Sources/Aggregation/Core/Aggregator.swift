public import Articles
public import Foundation
public import NewsWire
import SwiftProtobuf

/// The aggregator's core, without sockets: accepts jobs, decides which chunk requests to send,
/// takes replies, persists everything in the `JobStore`, and writes reports when jobs finish.
///
/// The caller (the bus loop) owns the clock and the sockets: it passes `now` (monotonic, for
/// timeouts) and `date` (wall clock, for report timestamps), sends the returned requests, feeds
/// replies back, and calls `tick` when `nextDeadline` passes. Not thread-safe: use it from one thread.
public struct Aggregator {
    /// The monotonic time the aggregator is driven with.
    public typealias Instant = ContinuousClock.Instant

    /// Tunables of the aggregator.
    public struct Configuration: Sendable {
        /// Limits of the in-flight window (size, per-attempt timeout, attempts).
        public var window: ChunkScheduler<Instant>.Configuration
        /// Largest chunk, in Unicode scalars.
        public var chunkScalars: Int
        /// Where finished jobs' reports are written (`<directory>/<job id>/report.*`); `nil` for nowhere.
        public var reportsDirectory: String?
        /// Days a finished job is kept: older ones are deleted with their reports at start and every
        /// hour after (see ``Aggregator/pruneFinishedJobs(date:)``); `nil` keeps every job.
        public var keepDays: Int?

        /// The default largest chunk, for `newsbus run` and the distributed aggregator alike, so that
        /// both report the same input alike: 10,000 scalars, one chunk for most news articles. Fewer,
        /// larger chunks cost less per article (messages, store rows) than 2,000-scalar ones, and a
        /// job of many articles still spreads over every worker; a very long article is split.
        public static let defaultChunkScalars = 10_000

        /// Creates a configuration.
        public init(
            window: ChunkScheduler<Instant>.Configuration = .init(), chunkScalars: Int = defaultChunkScalars,
            reportsDirectory: String? = nil, keepDays: Int? = nil
        ) {
            self.window = window
            self.chunkScalars = chunkScalars
            self.reportsDirectory = reportsDirectory
            self.keepDays = keepDays
        }
    }

    /// What one step produced.
    public struct Output: Sendable {
        /// Requests to send to `newsbus.extract`, in order.
        public var requests: [Newsbus_V1_ExtractRequest] = []
        /// Jobs that finished in this step (their reports are written when configured).
        public var finished: [JobID] = []
        /// Replies that were dropped, with why (for the caller to log).
        public var dropped: [String] = []
        /// Finished jobs deleted for being older than ``Configuration/keepDays``.
        public var pruned: [JobID] = []

        /// An empty output.
        public init() {}
    }

    /// The durable state.
    public let store: JobStore
    /// The tunables.
    public let configuration: Configuration
    var scheduler: ChunkScheduler<Instant>
    /// Merges of the jobs accepted by this process, built as replies arrive (see ``IncrementalMerge``);
    /// jobs resumed from the store have none and are merged from the store when they finish.
    var merges: [JobID: IncrementalMerge] = [:]
    /// What it takes to send each unfinished chunk of the jobs accepted by this process, so sending
    /// needs no store read (resumed jobs read it from the store).
    var payloads: [JobID: [ChunkID: ChunkPayload]] = [:]
    /// When finished jobs past ``Configuration/keepDays`` are next looked for (`nil`: never).
    var nextRetentionCheck: Instant?

    /// Creates an aggregator over `store`; call `resume` once before anything else.
    public init(store: JobStore, configuration: Configuration = Configuration()) {
        self.store = store
        self.configuration = configuration
        self.scheduler = ChunkScheduler(configuration: configuration.window)
    }

    /// The earliest time `tick` has work to do, or `nil` when nothing is in flight and no
    /// retention check is due.
    public var nextDeadline: Instant? {
        earlier(scheduler.nextDeadline, nextRetentionCheck)
    }

    /// Requests in flight now.
    public var inFlightCount: Int { scheduler.inFlightCount }

    /// The most requests in flight: ``Configuration/window`` until ``resizeWindow(to:now:date:)``.
    public var window: Int { scheduler.configuration.window }

    /// Starts the reply timeout of every chunk in flight again at `now` (see
    /// ``ChunkScheduler/postponeDeadlines(now:)``): while the broker has no extraction worker.
    public mutating func postponeDeadlines(now: Instant) {
        scheduler.postponeDeadlines(now: now)
    }

    /// Sets the most requests in flight (at least 1) and returns what a larger window sends at
    /// once; a smaller one sends nothing new until replies bring the count under it.
    public mutating func resizeWindow(to window: Int, now: Instant, date: Date) throws(AggregationError) -> Output {
        var step = Step()
        step.actions = scheduler.resize(window: window, now: now)
        return try carryOut(&step, date: date)
    }

    /// Picks up every unfinished job in the store (in-flight chunks go back to pending) and returns
    /// the first requests to send.
    public mutating func resume(now: Instant, date: Date) throws(AggregationError) -> Output {
        var step = Step()
        for resumable in try store.resume() {
            var stats = resumable.job.stats
            stats.chunks = resumable.job.chunks
            stats.chunksDone = resumable.job.chunksDone
            step.actions += scheduler.add(job: resumable.job.id, items: resumable.pending, stats: stats, now: now)
        }
        var output = try carryOut(&step, date: date)
        output.pruned = try checkRetention(now: now, date: date)
        return output
    }

    /// Accepts a job: chunks its articles, stores it, and returns the first requests to send.
    /// Articles without text are recorded as failed rather than rejected.
    ///
    /// Chunking costs about 1-2 ms per long article; to keep a socket loop responsive, build the
    /// `JobPlan` on another thread and call `submit(_ plan:…)` instead.
    public mutating func submit(
        _ articles: [Article], name: String = "", id: JobID, now: Instant, date: Date
    ) throws(AggregationError) -> (job: StoredJob, output: Output) {
        try submit(
            JobPlan(articles: articles, chunkScalars: configuration.chunkScalars), name: name, id: id, now: now,
            date: date)
    }

    /// Accepts a job whose articles are already chunked: stores it and returns the first requests to send.
    public mutating func submit(
        _ plan: JobPlan, name: String = "", id: JobID, now: Instant, date: Date
    ) throws(AggregationError) -> (job: StoredJob, output: Output) {
        try store.create(
            job: id, name: name, submitted: date, articles: plan.articles, chunks: plan.chunks, failed: plan.failed)
        remember(plan, as: id)
        var step = Step()
        let items = plan.chunks.filter { plan.failed[$0.article] == nil }.map {
            ScheduledChunk(chunk: $0.id, article: $0.article)
        }
        var stats = SchedulerStats()
        stats.chunks = plan.chunks.count
        step.actions = scheduler.add(job: id, items: items, stats: stats, now: now)
        let output = try carryOut(&step, date: date)
        return (try store.job(id), output)
    }

    /// Takes serialized `ExtractReply`s, records new results, drops duplicates, and returns what to send next.
    /// `failures` are the reasons of worker failure replies (MDP "500": the worker's handler failed);
    /// each that names a chunk in flight is a failed attempt of that chunk at once (see
    /// ``receiveFailures(_:into:now:)``).
    public mutating func receive(
        _ replies: [Data], failures: [String] = [], now: Instant, date: Date
    ) throws(AggregationError) -> Output {
        var step = Step()
        receiveFailures(failures, into: &step, now: now)
        for bytes in replies {
            let reply: Newsbus_V1_ExtractReply
            do {
                reply = try Newsbus_V1_ExtractReply(serializedBytes: bytes)
            } catch {
                step.dropped.append("undecodable reply (\(bytes.count) bytes)")
                continue
            }
            guard reply.schemaVersion == newsbusSchemaVersion else {
                step.dropped.append("reply for '\(reply.chunkID)' has schema version \(reply.schemaVersion)")
                continue
            }
            guard let key = ChunkKey(wire: reply.chunkID) else {
                step.dropped.append("reply with malformed chunk id '\(reply.chunkID)'")
                continue
            }
            let (outcome, actions) = scheduler.receive(key, error: reply.error.isEmpty ? nil : reply.error, now: now)
            switch outcome {
            case .accepted where reply.error.isEmpty:
                step.batch.results.append((key, bytes))
                merge(reply, of: key)
            case .accepted: break
            case .duplicate: step.dropped.append("duplicate reply for \(key)")
            case .late: step.dropped.append("late reply for \(key)")
            }
            step.touched.insert(key.job)
            step.actions += actions
        }
        return try carryOut(&step, date: date)
    }

    /// Retries or fails overdue chunks at `now` and returns what to send.
    public mutating func tick(now: Instant, date: Date) throws(AggregationError) -> Output {
        var step = Step()
        step.actions = scheduler.tick(now: now)
        step.touched.formUnion(scheduler.activeJobs)
        var output = try carryOut(&step, date: date)
        if let due = nextRetentionCheck, now >= due {
            output.pruned = try checkRetention(now: now, date: date)
        }
        return output
    }
}

/// The earlier of two optional instants; `nil` only when both are.
func earlier<Instant: Comparable>(_ first: Instant?, _ second: Instant?) -> Instant? {
    guard let first else { return second }
    guard let second else { return first }
    return min(first, second)
}
