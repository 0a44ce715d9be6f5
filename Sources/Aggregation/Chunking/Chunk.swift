/// A sentence-aligned piece of one article, the unit sent to extraction workers.
public struct Chunk: Hashable, Sendable {
    /// Unique within the job.
    public var id: ChunkID
    /// Index of the article in the job (0-based).
    public var article: Int
    /// Index of the chunk within its article (0-based).
    public var index: Int
    /// Where the chunk starts in the article text, in Unicode scalars.
    public var offset: Int
    /// The chunk's text: the article's scalars from `offset` on.
    public var text: String

    /// Creates a chunk.
    public init(id: ChunkID, article: Int, index: Int, offset: Int, text: String) {
        self.id = id
        self.article = article
        self.index = index
        self.offset = offset
        self.text = text
    }
}
