import Foundation
public import Prometheus

/// A role's `/metrics` page in the Prometheus text format, served over HTTP by a small server of
/// its own threads (``MetricsServer``), away from any socket loop.
///
/// Counters and histograms are updated where things happen (cheap atomic adds); gauges such as
/// queue depths are sampled only when Prometheus scrapes, by the `sample` closure given to
/// ``start(at:registry:sample:)``, so hot paths pay nothing for them. The process's resident
/// memory is sampled at every scrape as `process_resident_memory_bytes`.
public final class MetricsEndpoint: Sendable {
    /// The registry the page is rendered from; bootstrap swift-metrics with a factory over it.
    public let registry: PrometheusCollectorRegistry
    /// Where the server listens (the real port when port 0 was asked for).
    public let address: MetricsAddress
    private let server: MetricsServer

    private init(registry: PrometheusCollectorRegistry, address: MetricsAddress, server: MetricsServer) {
        self.registry = registry
        self.address = address
        self.server = server
    }

    /// Starts serving `GET /metrics` at `address` and returns once the port is listening.
    /// `sample` runs before each scrape to set gauges from a snapshot; it should return quickly.
    public static func start(
        at address: MetricsAddress, registry: PrometheusCollectorRegistry,
        sample: @escaping @Sendable () async -> Void = {}
    ) async throws -> MetricsEndpoint {
        let resident = registry.gauge(
            "process_resident_memory_bytes", help: "Resident memory size of this process in bytes.")
        let server = try MetricsServer(host: address.host, port: address.port) {
            await sample()
            if let bytes = ProcessMemory.residentBytes() { resident.set(Double(bytes)) }
            return registry.emitToBuffer()
        }
        let bound = try MetricsAddress(parsing: "\(address.host):\(server.port)")
        return MetricsEndpoint(registry: registry, address: bound, server: server)
    }

    /// Stops the server.
    public func stop() async {
        server.stop()
    }
}
