import Articles
import NewsWire

extension Aggregator {
    /// Keeps what a job accepted by this process needs in memory: each chunk's payload (for sending
    /// without a store read) and an ``IncrementalMerge`` of its results.
    mutating func remember(_ plan: JobPlan, as job: JobID) {
        var counts = Array(repeating: 0, count: plan.articles.count)
        var cached: [ChunkID: ChunkPayload] = [:]
        cached.reserveCapacity(plan.chunks.count)
        for chunk in plan.chunks where plan.articles.indices.contains(chunk.article) {
            counts[chunk.article] += 1
            let article = plan.articles[chunk.article]
            cached[chunk.id] = ChunkPayload(
                key: ChunkKey(job: job, chunk: chunk.id), articleIndex: chunk.article, articleID: article.id,
                articleDate: article.date, offset: chunk.offset, text: chunk.text)
        }
        payloads[job] = cached
        var merge = IncrementalMerge(articleIDs: plan.articles.map(\.id), chunkCounts: counts)
        for article in plan.failed.keys { merge.close(article: article) }
        merges[job] = merge
    }

    /// Folds an accepted reply into its job's merge and forgets the chunk's payload.
    mutating func merge(_ reply: Newsbus_V1_ExtractReply, of key: ChunkKey) {
        payloads[key.job]?[key.chunk] = nil
        guard merges[key.job] != nil else { return }
        guard let indices = key.chunk.indices else {
            merges[key.job] = nil  // not one of ours: merge from the store at the end
            return
        }
        merges[key.job]?.add(reply, article: indices.article, chunk: indices.chunk)
    }
}
