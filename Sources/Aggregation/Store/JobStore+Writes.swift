public import Articles
public import Foundation
import GRDB

extension JobStore {
    /// Whether a result was new or a repeat.
    public enum RecordOutcome: Hashable, Sendable {
        /// Stored: the chunk is now done.
        case recorded
        /// The chunk already had a result (or is unknown); nothing changed.
        case duplicate
    }

    /// Stores a new job with all its articles and chunks in one transaction.
    /// `failed` maps article indices that cannot be extracted (no text) to the reason.
    public func create(
        job id: JobID, name: String, submitted: Date, articles: [Article], chunks: [Chunk], failed: [Int: String] = [:]
    ) throws(AggregationError) {
        try write { db in
            try db.execute(
                sql:
                    "INSERT INTO jobs (id, name, state, submitted, articles, chunks, stats) VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [
                    id.rawValue, name, JobState.running.rawValue, submitted, articles.count, chunks.count,
                    try Self.encode(SchedulerStats()),
                ])
            let insertArticle = try db.makeStatement(
                sql:
                    "INSERT INTO articles (job, idx, id, title, date, source, text, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            )
            for (index, article) in articles.enumerated() {
                try insertArticle.execute(arguments: [
                    id.rawValue, index, article.id, article.title, article.date, article.source, article.text,
                    ArticleStatus.pending.rawValue,
                ])
            }
            let insertChunk = try db.makeStatement(
                sql:
                    "INSERT INTO chunks (job, id, article, idx, offset, text, state) VALUES (?, ?, ?, ?, ?, ?, 'pending')"
            )
            for chunk in chunks {
                // A chunk that is its whole article (most are) is stored as '' (see `payloads`), not a second copy.
                let isWholeArticle =
                    chunk.offset == 0 && articles.indices.contains(chunk.article)
                    && chunk.text.utf8.count == articles[chunk.article].text.utf8.count
                try insertChunk.execute(arguments: [
                    id.rawValue, chunk.id.rawValue, chunk.article, chunk.index, chunk.offset,
                    isWholeArticle ? "" : chunk.text,
                ])
            }
            for (article, reason) in failed.sorted(by: { $0.key < $1.key }) {
                try Self.failArticle(db, job: id, article: article, reason: reason)
            }
        }
    }

    /// Applies one step's writes (sends, results, failed articles, counters) in one transaction;
    /// returns, for each result in order, whether it was new or a repeat.
    @discardableResult
    public func apply(_ batch: StoreBatch) throws(AggregationError) -> [RecordOutcome] {
        guard !batch.isEmpty else { return [] }
        return try write { db in
            try Self.markSent(db, batch.sent)
            let outcomes = try Self.record(db, batch.results)
            for failure in batch.failedArticles {
                try Self.failArticle(db, job: failure.job, article: failure.article, reason: failure.reason)
            }
            let updateStats = try db.cachedStatement(sql: "UPDATE jobs SET stats = ? WHERE id = ?")
            for (job, stats) in batch.stats.sorted(by: { $0.key < $1.key }) {
                try updateStats.execute(arguments: [try Self.encode(stats), job.rawValue])
            }
            return outcomes
        }
    }

    static func markSent(_ db: Database, _ keys: [ChunkKey]) throws {
        guard !keys.isEmpty else { return }
        let statement = try db.cachedStatement(
            sql: """
                UPDATE chunks SET state = 'inflight', attempts = attempts + 1
                WHERE job = ? AND id = ? AND state IN ('pending', 'inflight')
                """)
        for key in keys {
            try statement.execute(arguments: [key.job.rawValue, key.chunk.rawValue])
        }
    }

    static func record(_ db: Database, _ results: [(key: ChunkKey, reply: Data)]) throws -> [RecordOutcome] {
        guard !results.isEmpty else { return [] }
        let statement = try db.cachedStatement(
            sql: """
                UPDATE chunks SET state = 'done', result = ?
                WHERE job = ? AND id = ? AND state IN ('pending', 'inflight')
                """)
        var outcomes: [RecordOutcome] = []
        for result in results {
            try statement.execute(arguments: [result.reply, result.key.job.rawValue, result.key.chunk.rawValue])
            outcomes.append(db.changesCount > 0 ? .recorded : .duplicate)
        }
        return outcomes
    }

    static func failArticle(_ db: Database, job: JobID, article: Int, reason: String) throws {
        try db.execute(
            sql: "UPDATE articles SET status = 'failed', error = ? WHERE job = ? AND idx = ?",
            arguments: [reason, job.rawValue, article])
        try db.execute(
            sql: "UPDATE chunks SET state = 'failed' WHERE job = ? AND article = ? AND state != 'done'",
            arguments: [job.rawValue, article])
    }

    /// Marks the job done at `finished`: articles not failed become ok, and the final counters are saved.
    public func finish(job: JobID, at finished: Date, stats: SchedulerStats) throws(AggregationError) {
        try write { db in
            try db.execute(
                sql: "UPDATE articles SET status = 'ok' WHERE job = ? AND status = 'pending'",
                arguments: [job.rawValue])
            try db.execute(
                sql: "UPDATE jobs SET state = 'done', finished = ?, stats = ? WHERE id = ?",
                arguments: [finished, try Self.encode(stats), job.rawValue])
            guard db.changesCount > 0 else { throw AggregationError.unknownJob(job) }
        }
    }

    /// Deletes the jobs that finished before `cutoff`, with their articles and chunks (the tables
    /// cascade); returns their ids, oldest first. Running jobs are never deleted.
    public func prune(finishedBefore cutoff: Date) throws(AggregationError) -> [JobID] {
        try write { db in
            let ids = try String.fetchAll(
                db, sql: "SELECT id FROM jobs WHERE state = 'done' AND finished < ? ORDER BY finished, id",
                arguments: [cutoff])
            try db.execute(sql: "DELETE FROM jobs WHERE state = 'done' AND finished < ?", arguments: [cutoff])
            return ids.map { JobID($0) }
        }
    }

    /// After a restart: puts in-flight chunks back to pending and lists unfinished jobs with the chunks
    /// still to extract (articles that already failed are left out), each with the attempts already
    /// made, so that sending it again counts as a retry.
    public func resume() throws(AggregationError) -> [ResumableJob] {
        try write { db in
            try db.execute(sql: "UPDATE chunks SET state = 'pending' WHERE state = 'inflight'")
            let jobs = try Self.fetchJobs(db, where: "state = 'running'")
            return try jobs.map { job in
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT c.id, c.article, c.attempts FROM chunks c
                        JOIN articles a ON a.job = c.job AND a.idx = c.article
                        WHERE c.job = ? AND c.state = 'pending' AND a.status = 'pending' ORDER BY c.article, c.idx
                        """,
                    arguments: [job.id.rawValue])
                let pending = rows.map {
                    ScheduledChunk(chunk: ChunkID($0["id"]), article: $0["article"], attempts: $0["attempts"])
                }
                return ResumableJob(job: job, pending: pending)
            }
        }
    }
}
