import Aggregation
import ArgumentParser

/// The aggregator's tunables, shared by `newsbus aggregator` and `newsbus run`. Each falls back to
/// its `NEWSBUS_AGGREGATOR_*` variable, then the `aggregator.*` key of the configuration file.
struct AggregatorOptions: ParsableArguments {
    @Option(
        help: """
            Most chunk requests in flight at once (backpressure; aggregator.window). Default: it follows \
            the extraction workers the broker has (asked every 5 s), 4 per worker or 2 x broker.worker_credit \
            when that setting is shared, at least 64 and at most 4096; for `newsbus run` 128 per worker thread.
            """)
    var window: Int?

    @Option(
        help: """
            Largest chunk sent to a worker, in characters (chunks end at sentence boundaries; default 10000, \
            one chunk for most articles; aggregator.chunk_size).
            """)
    var chunkSize: Int?

    @Option(
        help: """
            Seconds to wait for a chunk's reply before sending it again (default 60; aggregator.timeout_s). \
            The wait is held while the broker has no extraction worker or does not answer: no reply can come then.
            """)
    var timeout: Int?

    @Option(help: "Attempts per chunk before its article is reported as failed (default 3; aggregator.attempts).")
    var attempts: Int?

    @Option(help: "Largest job request accepted, in bytes; bigger ones are refused before decoding (default 256 MiB; aggregator.max_job_bytes).")
    var maxJobBytes: Int?

    @Option(
        help: """
            Delete finished jobs, with their reports, this many days after they finished; checked at start \
            and every hour (default: keep every job; aggregator.keep_days).
            """)
    var keepDays: Int?

    func validate() throws {
        guard maxJobBytes ?? 1 > 0 else {
            throw ValidationError("Please give --max-job-bytes a value above zero.")
        }
        guard keepDays ?? 1 > 0 else {
            throw ValidationError(
                "Please give --keep-days a number of days above zero, or leave it out to keep every job.")
        }
        guard window ?? 1 > 0, chunkSize ?? 100 >= 100, timeout ?? 1 > 0, attempts ?? 1 > 0 else {
            throw ValidationError(
                "Please give --window, --timeout and --attempts values above zero, and --chunk-size of at least 100.")
        }
    }

    /// The service configuration these options describe (flags, then environment, then file, then defaults).
    func configuration(
        broker: String, store: String?, reports: String?,
        defaultChunkSize: Int = Aggregator.Configuration.defaultChunkScalars, defaultWindow: Int? = nil
    ) -> AggregatorService.Configuration {
        let settings = Settings.current
        // Without a window given or a default for a known cluster, it follows the broker's workers:
        // two batches per worker when the shared settings give the broker a worker credit.
        let sizing: WindowSizing?
        let initialWindow: Int
        if let given = window ?? settings.configured(.aggregatorWindow)?.integer ?? defaultWindow {
            (sizing, initialWindow) = (nil, given)
        } else {
            let credit = settings.configured(.brokerWorkerCredit)?.integer ?? 1
            let following = WindowSizing(perWorker: max(4, 2 * credit))
            (sizing, initialWindow) = (following, following.minimum)
        }
        var configuration = AggregatorService.Configuration(
            brokerEndpoint: broker, storeDirectory: store,
            aggregator: Aggregator.Configuration(
                window: .init(
                    window: initialWindow,
                    timeout: .seconds(settings.integer(timeout, .aggregatorTimeout) ?? 60),
                    maximumAttempts: settings.integer(attempts, .aggregatorAttempts) ?? 3),
                chunkScalars: chunkSize ?? settings.configured(.aggregatorChunkSize)?.integer ?? defaultChunkSize,
                reportsDirectory: reports, keepDays: settings.integer(keepDays, .aggregatorKeepDays)))
        configuration.windowSizing = sizing
        configuration.maximumJobBytes = settings.integer(maxJobBytes, .aggregatorMaxJobBytes) ?? 256 << 20
        return configuration
    }
}
