/// Counters the in-flight window keeps per job, for the report's `stats` block.
public struct SchedulerStats: Hashable, Sendable, Codable {
    /// Chunks in the job.
    public var chunks: Int = 0
    /// Chunks completed with a result.
    public var chunksDone: Int = 0
    /// Requests sent again: after a reply was overdue, a worker's failure reply, or an aggregator restart.
    public var retries: Int = 0
    /// Replies dropped because the chunk already had a result.
    public var duplicatesDropped: Int = 0
    /// Replies dropped because the chunk had already failed or been cancelled.
    public var lateReplies: Int = 0
    /// Chunks that failed (no reply after the last attempt, or a worker error).
    public var failures: Int = 0
    /// Sum of request-to-reply times of accepted replies, in seconds.
    public var replySecondsTotal: Double = 0
    /// Longest request-to-reply time of an accepted reply, in seconds.
    public var replySecondsMaximum: Double = 0

    /// Empty counters.
    public init() {}
}
