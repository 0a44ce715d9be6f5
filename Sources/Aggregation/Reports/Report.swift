public import Foundation

/// A job's consolidated report: the model behind `report.json`, `report.md` and `report.html`.
public struct Report: Hashable, Sendable {
    /// The job: id, label and times.
    public struct Job: Hashable, Sendable {
        /// The job's id.
        public var id: String
        /// Optional label from the submitter.
        public var name: String
        /// When the job was accepted.
        public var submitted: Date
        /// When it finished, if it has.
        public var finished: Date?

        /// Creates a value from its parts.
        public init(id: String, name: String, submitted: Date, finished: Date?) {
            self.id = id
            self.name = name
            self.submitted = submitted
            self.finished = finished
        }
    }

    /// One article and its outcome.
    public struct ArticleEntry: Hashable, Sendable {
        /// Article id.
        public var id: String
        /// Headline.
        public var title: String
        /// Publication day or `nil`.
        public var date: String?
        /// Publisher or `nil`.
        public var source: String?
        /// `ok` or `failed`.
        public var status: String
        /// Why it failed, or `nil`.
        public var error: String?

        /// Creates a value from its parts.
        public init(id: String, title: String, date: String?, source: String?, status: String, error: String?) {
            self.id = id
            self.title = title
            self.date = date
            self.source = source
            self.status = status
            self.error = error
        }
    }

    /// One consolidated entity with its mention counts.
    public struct EntityEntry: Hashable, Sendable {
        /// Job-wide id (`e1`, `e2`, … in order of first mention).
        public var id: String
        /// Canonical name.
        public var name: String
        /// `PERSON`, `ORGANIZATION`, `LOCATION` or `MISC`.
        public var type: String
        /// ISO 3166-1 alpha-2 code or `nil`.
        public var country: String?
        /// Total mentions in the job.
        public var mentions: Int
        /// Mentions per article it is mentioned in, in job order (one entry per article).
        public var articles: [ArticleMentions]

        /// Creates a value from its parts.
        public init(
            id: String, name: String, type: String, country: String?, mentions: Int, articles: [ArticleMentions]
        ) {
            self.id = id
            self.name = name
            self.type = type
            self.country = country
            self.mentions = mentions
            self.articles = articles
        }
    }

    /// How often an entity is mentioned in one article.
    public struct ArticleMentions: Hashable, Sendable {
        /// Article id.
        public var article: String
        /// Mentions in that article.
        public var mentions: Int

        /// Creates a value from its parts.
        public init(article: String, mentions: Int) {
            self.article = article
            self.mentions = mentions
        }
    }

    /// One temporal expression in one article.
    public struct DateEntry: Hashable, Sendable {
        /// Article id.
        public var article: String
        /// The expression as written.
        public var text: String
        /// ISO value, or `nil` when unresolved.
        public var value: String?
        /// Start offset in the article text (Unicode scalars).
        public var start: Int
        /// End offset in the article text.
        public var end: Int

        /// Creates a value from its parts.
        public init(article: String, text: String, value: String?, start: Int, end: Int) {
            self.article = article
            self.text = text
            self.value = value
            self.start = start
            self.end = end
        }
    }

    /// One coded event, naming its article; actors refer to job-wide entity ids.
    public struct EventEntry: Hashable, Sendable {
        /// Job-wide id (`ev1`, … in timeline order).
        public var id: String
        /// Article id.
        public var article: String
        /// CAMEO code.
        public var code: String
        /// CAMEO label.
        public var label: String
        /// Trigger word or phrase.
        public var trigger: String
        /// Source actor entity id, or `nil`.
        public var source: String?
        /// Target actor entity id, or `nil`.
        public var target: String?
        /// ISO date value, or `nil`.
        public var date: String?
        /// Location entity id, or `nil`.
        public var location: String?
        /// Evidence sentence.
        public var sentence: String
        /// Sentence start offset in the article text.
        public var start: Int
        /// Sentence end offset in the article text.
        public var end: Int
        /// CAMEO quad class (0 when unknown).
        public var quadClass: Int
        /// Goldstein score (0 when unknown).
        public var goldstein: Double

        /// Creates a value from its parts.
        public init(
            id: String, article: String, code: String, label: String, trigger: String, source: String?, target: String?,
            date: String?, location: String?, sentence: String, start: Int, end: Int, quadClass: Int, goldstein: Double
        ) {
            self.id = id
            self.article = article
            self.code = code
            self.label = label
            self.trigger = trigger
            self.source = source
            self.target = target
            self.date = date
            self.location = location
            self.sentence = sentence
            self.start = start
            self.end = end
            self.quadClass = quadClass
            self.goldstein = goldstein
        }
    }

    /// Counters and timings of the job's run.
    public struct Stats: Hashable, Sendable {
        /// Articles in the job.
        public var articles: Int
        /// Articles that failed.
        public var articlesFailed: Int
        /// The window's counters.
        public var scheduler: SchedulerStats
        /// Seconds from submission to finish, or `nil` while running.
        public var elapsedSeconds: Double?

        /// Creates a value from its parts.
        public init(articles: Int, articlesFailed: Int, scheduler: SchedulerStats, elapsedSeconds: Double?) {
            self.articles = articles
            self.articlesFailed = articlesFailed
            self.scheduler = scheduler
            self.elapsedSeconds = elapsedSeconds
        }
    }

    /// Two entities mentioned close together (within one passage of an article), and how often.
    public struct Link: Hashable, Sendable {
        /// Entity id (the one mentioned first in the job).
        public var source: String
        /// Entity id.
        public var target: String
        /// Number of close co-mentions.
        public var weight: Int

        /// Creates a value from its parts.
        public init(source: String, target: String, weight: Int) {
            self.source = source
            self.target = target
            self.weight = weight
        }
    }

    /// The job.
    public var job: Job
    /// Every article, in job order.
    public var articles: [ArticleEntry]
    /// Consolidated entities, in order of first mention.
    public var entities: [EntityEntry]
    /// Temporal expressions, by article then position.
    public var dates: [DateEntry]
    /// Events in timeline order (undated last).
    public var events: [EventEntry]
    /// Co-mentions between the ``Merger/linkedEntities`` most-mentioned entities, heaviest first
    /// (drawn as the network; not part of `report.json`).
    public var links: [Link]
    /// Counters and timings.
    public var stats: Stats

    /// The entity with job-wide id `id`.
    public func entity(_ id: String?) -> EntityEntry? {
        guard let id else { return nil }
        // Merged entities are numbered `e1…` in order, so the id usually names its index.
        if id.hasPrefix("e"), let number = Int(id.dropFirst()), entities.indices.contains(number - 1),
            entities[number - 1].id == id
        {
            return entities[number - 1]
        }
        return entities.first { $0.id == id }
    }

    /// Creates a value from its parts.
    public init(
        job: Job, articles: [ArticleEntry], entities: [EntityEntry], dates: [DateEntry], events: [EventEntry],
        links: [Link], stats: Stats
    ) {
        self.job = job
        self.articles = articles
        self.entities = entities
        self.dates = dates
        self.events = events
        self.links = links
        self.stats = stats
    }
}
