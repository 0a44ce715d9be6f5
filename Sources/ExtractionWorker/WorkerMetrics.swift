import CoreMetrics

/// The extraction worker's metrics, made from the process's metrics factory (no-ops unless the
/// executable bootstrapped swift-metrics): chunks answered or failed, and how long each took.
struct WorkerMetrics: Sendable {
    let duration = CoreMetrics.Timer(label: "newsbus_worker_chunk_duration_seconds", preferredDisplayUnit: .seconds)
    let answered = Counter(label: "newsbus_worker_chunks_total", dimensions: [("outcome", "ok")])
    let failed = Counter(label: "newsbus_worker_chunks_total", dimensions: [("outcome", "failed")])

    /// Runs `body` (answering one chunk), counting it and recording its duration.
    func measure<Result>(_ body: () throws(ExtractionWorkerError) -> Result) throws(ExtractionWorkerError) -> Result {
        let start = ContinuousClock.now
        defer {
            let (seconds, attoseconds) = start.duration(to: .now).components
            duration.recordNanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        }
        do {
            let result = try body()
            answered.increment()
            return result
        } catch {
            failed.increment()
            throw error
        }
    }
}
