import NewsWire

/// A job's merge, built while its replies arrive instead of all at once when the job ends: each
/// article is folded into the ``MergeState`` as soon as it and every article before it are finished,
/// so the result equals ``Merger/merge(_:)`` over the stored results (same order, same ids), and the
/// work overlaps with extraction on the aggregator's thread.
///
/// Kept in memory only: after a restart the report is merged from the store instead.
struct IncrementalMerge {
    private var state = MergeState()
    private let articleIDs: [String]
    private let chunkCounts: [Int]
    private var waiting: [Int: [(chunk: Int, reply: Newsbus_V1_ExtractReply)]] = [:]
    private var closed: Set<Int> = []
    private var next = 0

    /// A merge for a job whose article `i` has id `articleIDs[i]` and `chunkCounts[i]` chunks.
    init(articleIDs: [String], chunkCounts: [Int]) {
        self.articleIDs = articleIDs
        self.chunkCounts = chunkCounts
        advance()
    }

    /// Whether every article is folded in.
    var isComplete: Bool { next >= articleIDs.count }

    /// Takes the accepted reply of chunk `chunk` (its index in the article) of article `article`.
    mutating func add(_ reply: Newsbus_V1_ExtractReply, article: Int, chunk: Int) {
        guard article >= next, !closed.contains(article) else { return }
        waiting[article, default: []].append((chunk, reply))
        advance()
    }

    /// Closes a failed article: the replies it has are all it will get.
    mutating func close(article: Int) {
        guard article >= next else { return }
        closed.insert(article)
        advance()
    }

    /// The merged result, once complete.
    func result() -> Merger.Result? {
        isComplete ? state.result() : nil
    }

    private mutating func advance() {
        while next < articleIDs.count {
            let replies = waiting[next] ?? []
            guard closed.contains(next) || replies.count >= chunkCounts[next] else { return }
            let ordered = replies.sorted { $0.chunk < $1.chunk }.map(\.reply)
            state.add(Merger.ArticleReplies(articleID: articleIDs[next], replies: ordered), index: next)
            waiting[next] = nil
            closed.remove(next)
            next += 1
        }
    }
}
