import CoreMetrics

/// The extraction worker's metrics, made from the process's metrics factory (no-ops unless the
/// executable bootstrapped swift-metrics): chunks answered or failed, and how long each took.
struct WorkerMetrics: Sendable {
    let duration = CoreMetrics.Timer(label: "newsbus_worker_chunk_duration_seconds", preferredDisplayUnit: .seconds)
    let answered = Counter(label: "newsbus_worker_chunks_total", dimensions: [("outcome", "ok")])
    let failed = Counter(label: "newsbus_worker_chunks_total", dimensions: [("outcome", "failed")])

    /// Runs `body` (answering `count` chunks), counting each as answered or failed and recording
    /// each chunk's share of the duration.
    func measure(_ count: Int, _ body: () -> [Result<[[UInt8]], any Error>]) -> [Result<[[UInt8]], any Error>] {
        let start = ContinuousClock.now
        let results = body()
        let (seconds, attoseconds) = start.duration(to: .now).components
        let nanoseconds = seconds * 1_000_000_000 + attoseconds / 1_000_000_000
        for result in results {
            duration.recordNanoseconds(nanoseconds / Int64(max(1, count)))
            if case .success = result { answered.increment() } else { failed.increment() }
        }
        return results
    }
}
