import Aggregation
import ArgumentParser

/// The aggregator's tunables, shared by `newsbus aggregator` and `newsbus run`.
struct AggregatorOptions: ParsableArguments {
    @Option(help: "Most chunk requests in flight at once (backpressure).")
    var window: Int = 64

    @Option(
        help: """
            Largest chunk sent to a worker, in characters (chunks end at sentence boundaries; default 10000, \
            one chunk for most articles).
            """)
    var chunkSize: Int?

    @Option(help: "Seconds to wait for a chunk's reply before sending it again.")
    var timeout: Int = 60

    @Option(help: "Attempts per chunk before its article is reported as failed.")
    var attempts: Int = 3

    @Option(help: "Largest job request accepted, in bytes; bigger ones are refused before decoding.")
    var maxJobBytes: Int = 256 << 20

    func validate() throws {
        guard maxJobBytes > 0 else {
            throw ValidationError("Please give --max-job-bytes a value above zero.")
        }
        guard window > 0, chunkSize ?? 100 >= 100, timeout > 0, attempts > 0 else {
            throw ValidationError(
                "Please give --window, --timeout and --attempts values above zero, and --chunk-size of at least 100.")
        }
    }

    /// The service configuration these options describe.
    func configuration(
        broker: String, store: String, reports: String?,
        defaultChunkSize: Int = Aggregator.Configuration.defaultChunkScalars
    ) -> AggregatorService.Configuration {
        var configuration = AggregatorService.Configuration(
            brokerEndpoint: broker, storeDirectory: store,
            aggregator: Aggregator.Configuration(
                window: .init(window: window, timeout: .seconds(timeout), maximumAttempts: attempts),
                chunkScalars: chunkSize ?? defaultChunkSize, reportsDirectory: reports))
        configuration.maximumJobBytes = maxJobBytes
        return configuration
    }
}
