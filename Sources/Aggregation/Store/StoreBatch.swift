public import Foundation

/// Writes gathered from one step of the aggregator, applied in a single transaction.
public struct StoreBatch: Sendable {
    /// New chunk results (serialized `ExtractReply`s).
    public var results: [(key: ChunkKey, reply: Data)] = []
    /// Chunks just sent to workers.
    public var sent: [ChunkKey] = []
    /// Articles that failed, with the reason.
    public var failedArticles: [(job: JobID, article: Int, reason: String)] = []
    /// Latest counters of jobs touched by this step.
    public var stats: [JobID: SchedulerStats] = [:]

    /// An empty batch.
    public init() {}

    /// Whether there is nothing to write.
    public var isEmpty: Bool {
        results.isEmpty && sent.isEmpty && failedArticles.isEmpty && stats.isEmpty
    }
}
