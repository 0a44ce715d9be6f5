import FlyingFox
import FlyingSocks
import Foundation
public import Prometheus
import Synchronization

/// A role's `/metrics` page in the Prometheus text format, served over HTTP by a small
/// NIO-free server (FlyingFox) on its own tasks, away from any socket loop.
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
    private let server: HTTPServer
    private let serving: Task<Void, Never>

    private init(
        registry: PrometheusCollectorRegistry, address: MetricsAddress, server: HTTPServer, serving: Task<Void, Never>
    ) {
        self.registry = registry
        self.address = address
        self.server = server
        self.serving = serving
    }

    /// Starts serving `GET /metrics` at `address` and returns once the port is listening.
    /// `sample` runs before each scrape to set gauges from a snapshot; it should return quickly.
    public static func start(
        at address: MetricsAddress, registry: PrometheusCollectorRegistry,
        sample: @escaping @Sendable () async -> Void = {}
    ) async throws -> MetricsEndpoint {
        let resident = registry.gauge(
            "process_resident_memory_bytes", help: "Resident memory size of this process in bytes.")
        let server = HTTPServer(
            address: try .inet(ip4: address.host, port: address.port), timeout: 15, logger: .disabled)
        await server.appendRoute("GET /metrics") { _ in
            await sample()
            if let bytes = ProcessMemory.residentBytes() { resident.set(Double(bytes)) }
            return HTTPResponse(
                statusCode: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: Data(registry.emitToBuffer()))
        }
        let failure = Mutex<String?>(nil)
        let serving = Task<Void, Never> {
            // run() returns when stopped, or throws at once when it cannot listen.
            do {
                try await server.run()
            } catch {
                failure.withLock { $0 = "\(error)" }
            }
        }
        let deadline = ContinuousClock.now.advanced(by: .seconds(10))
        while await server.listeningAddress == nil {
            let failed = failure.withLock { $0 }
            guard failed == nil, ContinuousClock.now < deadline else {
                serving.cancel()
                throw MetricsAddress.Invalid(
                    text: address.description,
                    reason: "cannot listen there (\(failed ?? "not listening after 10 s")); pick a free port or 0")
            }
            try await Task.sleep(for: .milliseconds(5))
        }
        var port = address.port
        if case .ip4(_, let listening)? = await server.listeningAddress { port = listening }
        let bound = try MetricsAddress(parsing: "\(address.host):\(port)")
        return MetricsEndpoint(registry: registry, address: bound, server: server, serving: serving)
    }

    /// Stops the server.
    public func stop() async {
        await server.stop(timeout: 1)
        serving.cancel()
    }
}
