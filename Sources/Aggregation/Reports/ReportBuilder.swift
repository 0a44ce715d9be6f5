import Articles
import Foundation
import NewsWire
import SwiftProtobuf

/// Builds a job's `Report` from what the store holds.
struct ReportBuilder {
    let store: JobStore

    /// The report of `job`; articles still pending are listed as failed with "not finished".
    /// `merged`: the job's results already merged (by an ``IncrementalMerge``), else they are read
    /// from the store and merged now.
    func report(for id: JobID, merged premerged: Merger.Result? = nil) throws(AggregationError) -> Report {
        let job = try store.job(id)
        let articles = try store.articles(of: id, includingText: false)
        let merged: Merger.Result
        if let given = premerged {
            merged = given
        } else {
            merged = try mergeStoredResults(of: id, articles: articles)
        }
        let entries = articles.map { stored in
            Report.ArticleEntry(
                id: stored.article.id, title: stored.article.title, date: stored.article.date,
                source: stored.article.source, status: stored.status == .ok ? "ok" : "failed",
                error: stored.status == .ok ? nil : (stored.error ?? "not finished yet"))
        }
        let elapsed = job.finished.map { $0.timeIntervalSince(job.submitted) }
        return Report(
            job: Report.Job(id: id.rawValue, name: job.name, submitted: job.submitted, finished: job.finished),
            articles: entries, entities: merged.entities, dates: merged.dates, events: merged.events,
            links: merged.links,
            stats: Report.Stats(
                articles: articles.count, articlesFailed: entries.filter { $0.status == "failed" }.count,
                scheduler: job.stats, elapsedSeconds: elapsed))
    }

    private func mergeStoredResults(of id: JobID, articles: [StoredArticle]) throws(AggregationError)
        -> Merger.Result
    {
        var replies: [[Newsbus_V1_ExtractReply]] = Array(repeating: [], count: articles.count)
        for result in try store.results(of: id) where replies.indices.contains(result.article) {
            do {
                replies[result.article].append(try Newsbus_V1_ExtractReply(serializedBytes: result.reply))
            } catch {
                throw .badReply(reason: "stored result of chunk \(result.article)-\(result.chunk) is undecodable")
            }
        }
        return Merger().merge(
            articles.map { Merger.ArticleReplies(articleID: $0.article.id, replies: replies[$0.index]) })
    }
}
