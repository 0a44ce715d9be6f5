public import Articles
public import Foundation

/// A job's lifecycle state as stored.
public enum JobState: String, Hashable, Sendable, Codable {
    /// Chunks are still being extracted.
    case running
    /// Every article is finished (ok or failed) and the report can be built.
    case done
}

/// An article's outcome as stored.
public enum ArticleStatus: String, Hashable, Sendable, Codable {
    /// Not finished yet.
    case pending
    /// Every chunk extracted.
    case ok
    /// Some chunk failed; `error` says why.
    case failed
}

/// A job's row: identity, progress and counters.
public struct StoredJob: Hashable, Sendable {
    /// The job's id.
    public var id: JobID
    /// Optional label from the submitter.
    public var name: String
    /// Running or done.
    public var state: JobState
    /// When the job was accepted.
    public var submitted: Date
    /// When its last article finished, if it has.
    public var finished: Date?
    /// Articles in the job.
    public var articles: Int
    /// Articles that failed so far.
    public var articlesFailed: Int
    /// Chunks in the job.
    public var chunks: Int
    /// Chunks with a result.
    public var chunksDone: Int
    /// The window's counters (retries, duplicates, failures, reply times).
    public var stats: SchedulerStats
}

/// An article of a job with its outcome.
public struct StoredArticle: Hashable, Sendable {
    /// Position in the job (0-based).
    public var index: Int
    /// The article itself.
    public var article: Article
    /// Outcome so far.
    public var status: ArticleStatus
    /// Why it failed, when it did.
    public var error: String?
}

/// What it takes to send one chunk to a worker.
public struct ChunkPayload: Hashable, Sendable {
    /// Which chunk.
    public var key: ChunkKey
    /// Index of its article in the job.
    public var articleIndex: Int
    /// The article's id.
    public var articleID: String
    /// The article's date, `YYYY-MM-DD`, or `nil`.
    public var articleDate: String?
    /// Where the chunk starts in the article, in Unicode scalars.
    public var offset: Int
    /// The chunk's text.
    public var text: String
}

/// One chunk result (the `ExtractReply` protobuf bytes) with where it belongs.
public struct StoredResult: Hashable, Sendable {
    /// Index of the article in the job.
    public var article: Int
    /// Index of the chunk in the article.
    public var chunk: Int
    /// The serialized `Newsbus_V1_ExtractReply`.
    public var reply: Data
}

/// An unfinished job found at start-up, with the chunks still to extract.
public struct ResumableJob: Hashable, Sendable {
    /// The job.
    public var job: StoredJob
    /// Chunks not yet done, in sending order.
    public var pending: [ScheduledChunk]
}
