/// One chunk to schedule: its id, the index of its article, and how often it was sent before.
public struct ScheduledChunk: Hashable, Sendable {
    /// The chunk.
    public var chunk: ChunkID
    /// Index of its article in the job.
    public var article: Int
    /// Attempts already made (by an aggregator before a restart); sending it again counts as a retry.
    public var attempts: Int

    /// Creates an item.
    public init(chunk: ChunkID, article: Int, attempts: Int = 0) {
        self.chunk = chunk
        self.article = article
        self.attempts = max(0, attempts)
    }
}
