/// How a standalone aggregator sizes its window from the cluster it finds: a few requests per
/// extraction worker the broker knows, so added worker hosts are kept busy without retuning, and
/// never so many that chunks wait at the broker long enough to time out.
///
/// Each worker needs one request to work on and a few waiting at the broker, so a FINAL is
/// followed by the next request without a round trip to the aggregator; with a broker worker
/// credit, two batches of it (`newsbus aggregator` sets ``perWorker`` so when it sees
/// `broker.worker_credit`).
public struct WindowSizing: Sendable, Hashable {
    /// The window with few or no workers (also the window before the first count arrives).
    public var minimum: Int
    /// Requests in flight per extraction worker.
    public var perWorker: Int
    /// The window however many workers there are.
    public var maximum: Int

    /// A sizing; the defaults keep 4 requests per worker, between 64 and 4,096.
    public init(minimum: Int = 64, perWorker: Int = 4, maximum: Int = 4096) {
        self.minimum = max(1, minimum)
        self.perWorker = max(1, perWorker)
        self.maximum = max(self.minimum, maximum)
    }

    /// The window for `workers` extraction workers.
    public func window(forWorkers workers: Int) -> Int {
        let (wanted, overflow) = max(0, workers).multipliedReportingOverflow(by: perWorker)
        return overflow ? maximum : min(maximum, max(minimum, wanted))
    }
}
