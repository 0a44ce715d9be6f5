/// The aggregator's in-flight window: a pure state machine deciding which chunks to send, when a reply
/// is overdue and must be retried, and when a chunk (and so its article) has failed.
///
/// It reads no clock: every call takes `now`, and it answers with actions for the caller to carry
/// out. Replies are matched by `ChunkKey`; a second reply for a chunk is dropped and counted.
public struct ChunkScheduler<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    /// Limits of the window.
    public struct Configuration: Sendable {
        /// Most requests in flight at once, across all jobs.
        public var window: Int
        /// How long to wait for a reply before sending the chunk again.
        public var timeout: Duration
        /// Attempts per chunk before it fails.
        public var maximumAttempts: Int

        /// Creates a configuration.
        public init(window: Int = 64, timeout: Duration = .seconds(60), maximumAttempts: Int = 3) {
            self.window = max(1, window)
            self.timeout = timeout
            self.maximumAttempts = max(1, maximumAttempts)
        }
    }

    /// What the caller must do next.
    public enum Action: Hashable, Sendable {
        /// Send the chunk to a worker; `attempt` is 1 for the first try.
        case send(ChunkKey, attempt: Int)
        /// The article failed (one of its chunks failed); its remaining chunks were cancelled.
        case failArticle(job: JobID, article: Int, reason: String)
        /// Every chunk of the job is done, failed or cancelled; carries the job's final counters.
        case jobFinished(JobID, SchedulerStats)
    }

    /// How a reply was taken.
    public enum ReplyOutcome: Hashable, Sendable {
        /// First reply for the chunk: record its result.
        case accepted
        /// The chunk already had a result; drop the reply.
        case duplicate
        /// The chunk failed or was cancelled, or is unknown; drop the reply.
        case late
    }

    enum State: Hashable, Sendable {
        case pending, inFlight, done, failed, cancelled
    }

    struct Record: Sendable {
        var article: Int
        var state: State = .pending
        var attempts = 0
        var sentAt: Instant?
        var deadline: Instant?
    }

    struct Job: Sendable {
        var remaining: Int
        var articles: [Int: [ChunkID]] = [:]
        var failedArticles: Set<Int> = []
        var stats: SchedulerStats
    }

    /// The window's limits (the window's size changes with ``resize(window:now:)``).
    public internal(set) var configuration: Configuration
    var records: [ChunkKey: Record] = [:]
    var jobs: [JobID: Job] = [:]
    var queue = ChunkQueue()
    var retryQueue = ChunkQueue()
    var inFlight: Set<ChunkKey> = []
    /// Sends in order with their deadlines (which therefore only grow); entries whose chunk is no
    /// longer in flight with that deadline are stale and skipped, so the earliest deadline is found
    /// at the front instead of by a scan of the whole window.
    var deadlines: [(key: ChunkKey, deadline: Instant)] = []
    var deadlineHead = 0

    /// An empty window.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Number of requests in flight now.
    public var inFlightCount: Int { inFlight.count }

    /// Jobs that still have chunks to finish.
    public var activeJobs: [JobID] { jobs.keys.sorted() }

    /// The counters of an active job.
    public func stats(for job: JobID) -> SchedulerStats? { jobs[job]?.stats }

    /// The earliest time at which `tick` has something to do, or `nil` when nothing is in flight.
    public var nextDeadline: Instant? {
        var index = deadlineHead
        while index < deadlines.count {
            let entry = deadlines[index]
            if isLive(entry) { return entry.deadline }
            index += 1
        }
        return nil
    }

    func isLive(_ entry: (key: ChunkKey, deadline: Instant)) -> Bool {
        inFlight.contains(entry.key) && records[entry.key]?.deadline == entry.deadline
    }
}
