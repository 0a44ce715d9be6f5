import ArgumentParser
import CoreMetrics
import Logging
import Prometheus
import Telemetry

/// The `--metrics HOST:PORT` option of the long-running roles: serve Prometheus metrics there.
struct MetricsOptions: ParsableArguments {
    @Option(
        name: .customLong("metrics"),
        help: ArgumentHelp(
            "Serve Prometheus metrics at http://HOST:PORT/metrics (e.g. 127.0.0.1:9464; port 0 picks one); off by default.",
            valueName: "host:port"))
    var addressFlag: String?

    func validate() throws {
        if let addressFlag {
            do {
                _ = try MetricsAddress(parsing: addressFlag)
            } catch {
                throw ValidationError("Please give --metrics as HOST:PORT: \(error)")
            }
        }
    }

    /// Bootstraps swift-metrics with a Prometheus registry and starts serving it when an address is
    /// given (flag, else `key`'s variable or file entry); `nil` when metrics are off. `makeSampler`
    /// gets the registry and returns what runs before each scrape to set gauges. Logs the URL.
    func start(
        key: ConfigKey, logger: Logger,
        makeSampler: (PrometheusCollectorRegistry) -> @Sendable () async -> Void = { _ in {} }
    ) async throws -> MetricsEndpoint? {
        guard let text = Settings.current.text(addressFlag, key) else { return nil }
        let address = try MetricsAddress(parsing: text)
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        let endpoint = try await MetricsEndpoint.start(at: address, registry: registry, sample: makeSampler(registry))
        logger.info("metrics served", metadata: ["metrics.url": "http://\(endpoint.address)/metrics"])
        return endpoint
    }
}
