import Aggregation
import NewsWire
import Prometheus
import Synchronization
import Telemetry

/// Samples the aggregator's jobs at scrape time by asking it over the bus (`newsbus.jobs` status,
/// the same query `newsbus status` makes), so the aggregator's loop pays nothing for metrics.
///
/// Job-store totals (chunks done, retries, articles) only grow while jobs are kept, so they are
/// exposed as counters advanced by the growth seen since the previous scrape.
final class AggregatorSampler: Sendable {
    private let client: JobsClient
    private let registry: PrometheusCollectorRegistry
    private let jobs: GaugeFamily
    private let pending: GaugeFamily
    private let last = Mutex<[String: Int]>([:])

    /// A sampler asking through `client`.
    init(client: JobsClient, registry: PrometheusCollectorRegistry) {
        self.client = client
        self.registry = registry
        jobs = GaugeFamily("newsbus_aggregator_jobs", help: "Jobs in the store by state.", labels: ["state"], registry: registry)
        pending = GaugeFamily(
            "newsbus_aggregator_chunks_pending", help: "Chunks of unfinished jobs without a result yet (the aggregator's queue).",
            labels: [], registry: registry)
    }

    /// Asks the aggregator and updates the metrics; on no answer leaves them as they were.
    func sample() async {
        guard let statuses = try? await client.status(timeout: .seconds(2)) else { return }
        var byState: [[String]: Int] = [:]
        var pendingChunks = 0
        var totals = ["chunks_done": 0, "retries": 0, "articles": 0, "articles_failed": 0]
        for job in statuses {
            byState[[job.state], default: 0] += 1
            if job.finished.isEmpty { pendingChunks += Int(job.chunksTotal) - Int(job.chunksDone) }
            totals["chunks_done", default: 0] += Int(job.chunksDone)
            totals["retries", default: 0] += Int(job.retries)
            totals["articles_failed", default: 0] += Int(job.articlesFailed)
            // Articles count once their job is finished: rate() of this is articles per second.
            if !job.finished.isEmpty { totals["articles", default: 0] += Int(job.articles) }
        }
        jobs.set(byState)
        pending.set([[]: pendingChunks])
        let growth = last.withLock { last in
            defer { last = totals }
            return totals.map { ($0.key, max(0, $0.value - (last[$0.key] ?? 0))) }
        }
        for (name, delta) in growth where delta > 0 {
            registry.counter("newsbus_aggregator_\(name)_total", help: Self.help[name] ?? name).increment(by: Int64(delta))
        }
    }

    private static let help = [
        "chunks_done": "Chunks with a result, over the jobs in the store.",
        "retries": "Chunk requests sent again after a reply was overdue.",
        "articles": "Articles of finished jobs (rate: articles per second).",
        "articles_failed": "Articles reported as failed.",
    ]

    /// Closes the connection.
    func close() {
        client.close()
    }
}
