public import Articles

/// A job's articles split into chunks, ready to submit. Pure and `Sendable`: build it on any thread.
public struct JobPlan: Sendable {
    /// The articles, in job order.
    public let articles: [Article]
    /// Every chunk of every article, in sending order.
    public let chunks: [Chunk]
    /// Articles that cannot be extracted (no text), by index, with the reason.
    public let failed: [Int: String]

    /// Chunks `articles` into pieces of at most `chunkScalars` Unicode scalars.
    public init(articles: [Article], chunkScalars: Int = Aggregator.Configuration.defaultChunkScalars) {
        let chunker = Chunker(maximumScalars: chunkScalars)
        var chunks: [Chunk] = []
        var failed: [Int: String] = [:]
        for (index, article) in articles.enumerated() {
            let pieces = chunker.chunks(of: article.text, article: index)
            if pieces.isEmpty { failed[index] = "article has no text" }
            chunks += pieces
        }
        self.articles = articles
        self.chunks = chunks
        self.failed = failed
    }
}
