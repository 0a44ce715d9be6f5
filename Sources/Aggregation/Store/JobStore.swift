import Foundation
import GRDB

/// The aggregator's durable state in SQLite (WAL): jobs, their articles, their chunks and results.
///
/// Every write is one transaction, so a crash leaves either all or none of it. Chunks that were in
/// flight when the process died go back to pending in `resume()`. Results are recorded once per
/// chunk; a second result for a done chunk is reported as a duplicate and ignored. A store
/// opened with ``temporary()`` has the same tables and transactions but nothing in it outlives
/// the process (for `newsbus run` without a store directory).
public final class JobStore: Sendable {
    /// The database file ("(temporary)" for a ``temporary()`` store).
    public let path: String
    let pool: any DatabaseWriter

    /// Opens (creating if needed) `directory/jobs.sqlite` and applies pending migrations.
    public convenience init(directory: String) throws(AggregationError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .store(path: directory, reason: "cannot create directory: \(error.localizedDescription)")
        }
        try self.init(path: (directory as NSString).appendingPathComponent("jobs.sqlite"))
    }

    /// Opens (creating if needed) the database at `path` and applies pending migrations.
    public convenience init(path: String) throws(AggregationError) {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            // NORMAL: WAL commits are durable against a process crash (what the aggregator's guarantees
            // need); memory-mapped reads spare a copy of each page read.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA mmap_size = 268435456")
        }
        configuration.busyMode = .timeout(10)
        try self.init(path: path) { try DatabasePool(path: path, configuration: configuration) }
    }

    /// A store gone with the process, for work that cannot be resumed anyway: SQLite's private
    /// temporary database (an unnamed file SQLite deletes itself, never synced). Its page cache
    /// holds 32 MB (SQLite's default is 2 MB), a 3,500-article job: with the default, recording
    /// results re-read evicted pages from the file, ~30 ms of a 1,000-article job's CPU; past the
    /// bound pages spill to the file as before, so memory stays bounded. Its rollback journal is
    /// kept in memory: a transaction can still roll back, and there is nothing to recover after a
    /// crash (finishing a 1,000-article job, which rewrites every article's row, took 9 ms, now 4 ms).
    public static func temporary() throws(AggregationError) -> JobStore {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = MEMORY")
            try db.execute(sql: "PRAGMA cache_size = -32000")
        }
        return try JobStore(path: "(temporary)") { try DatabaseQueue(path: "", configuration: configuration) }
    }

    private init(path: String, open: () throws -> any DatabaseWriter) throws(AggregationError) {
        self.path = path
        do {
            pool = try open()
            try Self.migrator.migrate(pool)
        } catch {
            throw .store(path: path, reason: String(describing: error))
        }
    }

    /// Named schema migrations; only ever append new ones. A chunk's `text` is '' when the chunk is
    /// its whole article (the article's text is not stored twice); chunks are never empty.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: jobs, articles, chunks") { db in
            try db.execute(
                sql: """
                    CREATE TABLE jobs (
                        id TEXT PRIMARY KEY NOT NULL,
                        name TEXT NOT NULL DEFAULT '',
                        state TEXT NOT NULL,
                        submitted DATETIME NOT NULL,
                        finished DATETIME,
                        articles INTEGER NOT NULL,
                        chunks INTEGER NOT NULL,
                        stats BLOB NOT NULL
                    );
                    CREATE TABLE articles (
                        job TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
                        idx INTEGER NOT NULL,
                        id TEXT NOT NULL,
                        title TEXT NOT NULL,
                        date TEXT,
                        source TEXT,
                        text TEXT NOT NULL,
                        status TEXT NOT NULL,
                        error TEXT,
                        PRIMARY KEY (job, idx)
                    );
                    CREATE TABLE chunks (
                        job TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
                        id TEXT NOT NULL,
                        article INTEGER NOT NULL,
                        idx INTEGER NOT NULL,
                        offset INTEGER NOT NULL,
                        text TEXT NOT NULL,
                        state TEXT NOT NULL,
                        attempts INTEGER NOT NULL DEFAULT 0,
                        result BLOB,
                        PRIMARY KEY (job, id)
                    );
                    CREATE INDEX chunks_by_state ON chunks(job, state);
                    """)
        }
        // A job's status counts its failed articles; without this the count read every article row
        // of the job, ~1 ms for 1,000 articles, and a waiting client asks often near the end. Only
        // failed articles are in it, so keeping it up costs nothing for the others.
        migrator.registerMigration("v2: failed articles by job") { db in
            try db.execute(sql: "CREATE INDEX articles_failed ON articles(job) WHERE status = 'failed'")
        }
        return migrator
    }

    /// Runs `body` in one write transaction, turning database errors into `AggregationError.store`.
    func write<T>(_ body: (Database) throws -> T) throws(AggregationError) -> T {
        do {
            return try pool.write { db in try body(db) }
        } catch let error as AggregationError {
            throw error
        } catch {
            throw .store(path: path, reason: String(describing: error))
        }
    }

    /// Runs `body` on a read-only snapshot.
    func read<T>(_ body: (Database) throws -> T) throws(AggregationError) -> T {
        do {
            return try pool.read { db in try body(db) }
        } catch let error as AggregationError {
            throw error
        } catch {
            throw .store(path: path, reason: String(describing: error))
        }
    }

    /// The counters as a JSON object with sorted keys (what `JSONEncoder` with `.sortedKeys` writes,
    /// written directly: this runs on every step of the aggregator).
    static func encode(_ stats: SchedulerStats) throws -> Data {
        func number(_ value: Double) -> String { value.isFinite ? "\(value)" : "0" }
        let fields = [
            "\"chunks\":\(stats.chunks)", "\"chunksDone\":\(stats.chunksDone)",
            "\"duplicatesDropped\":\(stats.duplicatesDropped)", "\"failures\":\(stats.failures)",
            "\"lateReplies\":\(stats.lateReplies)", "\"replySecondsMaximum\":\(number(stats.replySecondsMaximum))",
            "\"replySecondsTotal\":\(number(stats.replySecondsTotal))", "\"retries\":\(stats.retries)",
        ]
        return Data(("{" + fields.joined(separator: ",") + "}").utf8)
    }

    static func decode(_ data: Data?) -> SchedulerStats {
        data.flatMap { try? JSONDecoder().decode(SchedulerStats.self, from: $0) } ?? SchedulerStats()
    }
}
