import Articles
import Foundation
import GRDB

extension JobStore {
    /// Every job, newest first.
    public func jobs() throws(AggregationError) -> [StoredJob] {
        try read { db in try Self.fetchJobs(db, where: "1") }
    }

    /// One job, or `unknownJob`.
    public func job(_ id: JobID) throws(AggregationError) -> StoredJob {
        let found = try read { db in try Self.fetchJobs(db, where: "id = ?", arguments: [id.rawValue]) }
        guard let job = found.first else { throw .unknownJob(id) }
        return job
    }

    /// The job's articles in job order; with `includingText: false` their texts are left empty
    /// (a report needs only the metadata).
    public func articles(of job: JobID, includingText: Bool = true) throws(AggregationError) -> [StoredArticle] {
        let columns = "idx, id, title, date, source, status, error" + (includingText ? ", text" : "")
        return try read { db in
            try Row.fetchAll(
                db, sql: "SELECT \(columns) FROM articles WHERE job = ? ORDER BY idx", arguments: [job.rawValue]
            ).map { row in
                let article = Article(
                    id: row["id"], title: row["title"], date: row["date"], source: row["source"],
                    text: includingText ? row["text"] : "")
                let status = ArticleStatus(rawValue: row["status"]) ?? .pending
                return StoredArticle(index: row["idx"], article: article, status: status, error: row["error"])
            }
        }
    }

    /// The job's stored results in article and chunk order.
    public func results(of job: JobID) throws(AggregationError) -> [StoredResult] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT article, idx, result FROM chunks WHERE job = ? AND state = 'done' ORDER BY article, idx",
                arguments: [job.rawValue]
            ).map { StoredResult(article: $0["article"], chunk: $0["idx"], reply: $0["result"] ?? Data()) }
        }
    }

    /// What is needed to send each chunk in `keys` (unknown keys are left out).
    public func payloads(_ keys: [ChunkKey]) throws(AggregationError) -> [ChunkPayload] {
        try read { db in
            let statement = try db.cachedStatement(
                sql: """
                    SELECT c.article, c.offset, CASE c.text WHEN '' THEN a.text ELSE c.text END AS text,
                      a.id AS articleID, a.date FROM chunks c
                    JOIN articles a ON a.job = c.job AND a.idx = c.article WHERE c.job = ? AND c.id = ?
                    """)
            return try keys.compactMap { key in
                guard let row = try Row.fetchOne(statement, arguments: [key.job.rawValue, key.chunk.rawValue]) else {
                    return nil
                }
                return ChunkPayload(
                    key: key, articleIndex: row["article"], articleID: row["articleID"], articleDate: row["date"],
                    offset: row["offset"], text: row["text"])
            }
        }
    }

    static func fetchJobs(_ db: Database, where condition: String, arguments: StatementArguments = [])
        throws -> [StoredJob]
    {
        let sql = """
            SELECT j.*,
              (SELECT COUNT(*) FROM articles a WHERE a.job = j.id AND a.status = 'failed') AS articlesFailed,
              (SELECT COUNT(*) FROM chunks c WHERE c.job = j.id AND c.state = 'done') AS chunksDone
            FROM jobs j WHERE \(condition) ORDER BY j.id DESC
            """
        return try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments).map { row in
            StoredJob(
                id: JobID(row["id"]), name: row["name"], state: JobState(rawValue: row["state"]) ?? .running,
                submitted: row["submitted"], finished: row["finished"], articles: row["articles"],
                articlesFailed: row["articlesFailed"], chunks: row["chunks"], chunksDone: row["chunksDone"],
                stats: decode(row["stats"]))
        }
    }
}
