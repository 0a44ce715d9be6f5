/// One chunk to schedule: its id and the index of its article.
public struct ScheduledChunk: Hashable, Sendable {
    /// The chunk.
    public var chunk: ChunkID
    /// Index of its article in the job.
    public var article: Int

    /// Creates an item.
    public init(chunk: ChunkID, article: Int) {
        self.chunk = chunk
        self.article = article
    }
}
