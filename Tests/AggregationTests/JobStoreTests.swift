import Aggregation
import Articles
import Foundation
import Testing

@Suite("JobStore")
struct JobStoreTests {
    let job = JobID("j-20251106-120000-abcdef")
    let articles = [
        Article(id: "a", title: "A", date: "2025-11-06", source: "Wire", text: "One. Two."),
        Article(id: "b", title: "B", text: "Three."),
    ]

    private func chunks() -> [Chunk] {
        [
            Chunk(id: ChunkID("0-0"), article: 0, index: 0, offset: 0, text: "One."),
            Chunk(id: ChunkID("0-1"), article: 0, index: 1, offset: 5, text: "Two."),
            Chunk(id: ChunkID("1-0"), article: 1, index: 0, offset: 0, text: "Three."),
        ]
    }

    private func key(_ chunk: String) -> ChunkKey { ChunkKey(job: job, chunk: ChunkID(chunk)) }

    /// A store in `directory`, or the temporary kind.
    private func store(temporary: Bool, in directory: TemporaryDirectory) throws -> JobStore {
        temporary ? try JobStore.temporary() : try JobStore(directory: directory.path)
    }

    @Test("a created job reads back with its articles and chunk payloads")
    func createAndRead() throws {
        let directory = try TemporaryDirectory()
        let store = try JobStore(directory: directory.path)
        let submitted = Date(timeIntervalSince1970: 1_762_430_400)
        try store.create(job: job, name: "test", submitted: submitted, articles: articles, chunks: chunks())
        let stored = try store.job(job)
        #expect(stored.state == .running)
        #expect(stored.articles == 2 && stored.chunks == 3 && stored.chunksDone == 0)
        #expect(stored.submitted == submitted)
        #expect(try store.articles(of: job).map(\.article) == articles)
        let payloads = try store.payloads([key("0-1"), key("9-9")])
        #expect(payloads.map(\.text) == ["Two."])
        #expect(payloads.first?.offset == 5)
        #expect(payloads.first?.articleDate == "2025-11-06")
        #expect(throws: AggregationError.unknownJob(JobID("nope"))) { try store.job(JobID("nope")) }
    }

    @Test(
        "a chunk that is its whole article reads back with the article's text, in a directory and temporary",
        arguments: [false, true])
    func wholeArticleChunks(temporary: Bool) throws {
        let directory = try TemporaryDirectory()
        let store = try store(temporary: temporary, in: directory)
        #expect(store.path == (temporary ? "(temporary)" : directory.path + "/jobs.sqlite"))
        try store.create(job: job, name: "", submitted: Date(), articles: articles, chunks: chunks())
        let payloads = try store.payloads([key("1-0"), key("0-0"), key("0-1")])
        #expect(payloads.map(\.text) == ["Three.", "One.", "Two."])
        #expect(payloads.map(\.articleID) == ["b", "a", "a"])
    }

    @Test(
        "a write that fails part way leaves nothing behind, in a directory and temporary (journal in memory)",
        arguments: [false, true])
    func failedWriteRollsBack(temporary: Bool) throws {
        let directory = try TemporaryDirectory()
        let store = try store(temporary: temporary, in: directory)
        // The job and article rows go in first; the repeated chunk id then breaks the chunks' key.
        var repeated = chunks()
        repeated.append(repeated[0])
        #expect(throws: AggregationError.self) {
            try store.create(job: job, name: "", submitted: Date(), articles: articles, chunks: repeated)
        }
        #expect(throws: AggregationError.self) { try store.job(job) }
        try store.create(job: job, name: "", submitted: Date(), articles: articles, chunks: chunks())
        #expect(try store.job(job).chunks == 3)
    }

    @Test("results are recorded once; a second result for a done chunk is a duplicate")
    func idempotentResults() throws {
        let directory = try TemporaryDirectory()
        let store = try JobStore(directory: directory.path)
        try store.create(job: job, name: "", submitted: Date(), articles: articles, chunks: chunks())
        var batch = StoreBatch()
        batch.sent = [key("0-0"), key("0-1")]
        batch.results = [(key("0-0"), Data([1])), (key("0-0"), Data([2])), (key("7-7"), Data([3]))]
        #expect(try store.apply(batch) == [.recorded, .duplicate, .duplicate])
        let results = try store.results(of: job)
        #expect(results.map(\.reply) == [Data([1])])
        #expect(try store.job(job).chunksDone == 1)
    }

    @Test("after a crash, in-flight chunks are pending again and finished work is kept")
    func resume() throws {
        let directory = try TemporaryDirectory()
        do {
            let store = try JobStore(directory: directory.path)
            try store.create(job: job, name: "", submitted: Date(), articles: articles, chunks: chunks())
            var batch = StoreBatch()
            batch.sent = [key("0-0"), key("0-1"), key("1-0")]
            batch.results = [(key("0-0"), Data([1]))]
            try store.apply(batch)
        }
        let reopened = try JobStore(directory: directory.path)
        let resumable = try reopened.resume()
        #expect(resumable.map(\.job.id) == [job])
        #expect(resumable.first?.pending.map(\.chunk.rawValue) == ["0-1", "1-0"])
        #expect(try reopened.results(of: job).count == 1)
    }

    @Test("a failed article leaves resume, is counted in the job's status and listed with its reason; finishing marks the rest ok")
    func failAndFinish() throws {
        let directory = try TemporaryDirectory()
        let store = try JobStore(directory: directory.path)
        try store.create(job: job, name: "", submitted: Date(), articles: articles, chunks: chunks())
        var batch = StoreBatch()
        batch.failedArticles = [(job, 0, "no reply after 3 attempts")]
        #expect(try store.job(job).articlesFailed == 0)
        try store.apply(batch)
        #expect(try store.job(job).articlesFailed == 1)
        #expect(try store.resume().first?.pending.map(\.chunk.rawValue) == ["1-0"])
        var stats = SchedulerStats()
        stats.retries = 4
        try store.finish(job: job, at: Date(), stats: stats)
        let stored = try store.articles(of: job)
        #expect(stored.map(\.status) == [.failed, .ok])
        #expect(stored.first?.error == "no reply after 3 attempts")
        #expect(try store.job(job).stats.retries == 4)
        #expect(try store.job(job).state == .done)
        #expect(try store.jobs().map(\.articlesFailed) == [1])
        #expect(try store.resume().isEmpty)
    }

    @Test("job ids sort by submission time and differ for the same second")
    func jobIDs() {
        var random = SystemRandomNumberGenerator()
        let early = JobID.make(at: Date(timeIntervalSince1970: 1_762_430_400), using: &random)
        let late = JobID.make(at: Date(timeIntervalSince1970: 1_762_430_401), using: &random)
        #expect(early.rawValue.hasPrefix("j-20251106-120000-"))
        #expect(early.rawValue.count == "j-20251106-120000-abcdef".count)
        #expect(early < late)
        let ids = Set((0..<50).map { _ in JobID.make(at: Date(timeIntervalSince1970: 0), using: &random) })
        #expect(ids.count > 45)
    }

    @Test("an unwritable store path is a clear error")
    func unwritable() throws {
        let directory = try TemporaryDirectory()
        let file = directory.path + "/file"
        #expect(FileManager.default.createFile(atPath: file, contents: Data()))
        #expect {
            try JobStore(directory: file + "/sub")
        } throws: { error in
            guard case .store(let path, _)? = error as? AggregationError else { return false }
            return path.hasPrefix(file)
        }
    }
}
