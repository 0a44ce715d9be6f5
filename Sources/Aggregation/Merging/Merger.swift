public import NewsWire

/// Merges per-chunk extraction replies into job-level entities, dates and events.
///
/// An entity is identified by canonical name and type across the whole job. Within one article, a
/// single-token person name that is the last name of exactly one person already seen in that article
/// ("Tokayev" after "Kassym-Jomart Tokayev") joins that person. Events are de-duplicated by article,
/// code, actors, date and sentence span, and ordered by date (undated last). Ids are renumbered
/// job-wide: entities `e1…` in order of first mention, events `ev1…` in timeline order.
public struct Merger: Sendable {
    /// One article's replies, in chunk order.
    public struct ArticleReplies: Sendable {
        /// The article's id.
        public var articleID: String
        /// Its chunks' replies, in chunk order (entity ids inside are chunk-local).
        public var replies: [Newsbus_V1_ExtractReply]

        /// Creates the input for one article.
        public init(articleID: String, replies: [Newsbus_V1_ExtractReply]) {
            self.articleID = articleID
            self.replies = replies
        }
    }

    /// The merged entities, dates and events.
    public struct Result: Hashable, Sendable {
        /// Consolidated entities, in order of first mention.
        public var entities: [Report.EntityEntry]
        /// Temporal expressions by article then position.
        public var dates: [Report.DateEntry]
        /// Events in timeline order.
        public var events: [Report.EventEntry]
        /// Entities mentioned within `Merger.passage` scalars of each other, heaviest first: the pairs
        /// of the ``Merger/linkedEntities`` most-mentioned entities (those the report's network draws;
        /// a job has tens of thousands of pairs in all, ordered for nothing).
        public var links: [Report.Link]
    }

    /// Two mentions at most this many scalars apart count as a co-mention (about one sentence).
    public static let passage = 160

    /// How many of the most-mentioned entities (ties by first mention) the links are listed between:
    /// the nodes of the report's network.
    public static let linkedEntities = ReportCharts.networkNodes

    struct EntityKey: Hashable {
        var name: String
        var type: String
    }

    /// Creates a merger.
    public init() {}

    /// Merges the replies of every article, in job order.
    public func merge(_ articles: [ArticleReplies]) -> Result {
        var state = MergeState()
        for (index, article) in articles.enumerated() {
            state.add(article, index: index)
        }
        return state.result()
    }
}
