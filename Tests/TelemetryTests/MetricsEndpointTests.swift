import CoreMetrics
import Foundation
import Prometheus
import Synchronization
import Telemetry
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The /metrics page over real HTTP on a free loopback port.
@Suite("Metrics endpoint")
struct MetricsEndpointTests {
    func scrape(_ endpoint: MetricsEndpoint) async throws -> String {
        let url = try #require(URL(string: "http://\(endpoint.address)/metrics"))
        let (data, response) = try await URLSession.shared.data(from: url)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        return String(decoding: data, as: UTF8.self)
    }

    @Test("Serves counters, sampled gauges and RSS in the Prometheus text format; values move")
    func scrapes() async throws {
        let registry = PrometheusCollectorRegistry()
        let counter = registry.counter("test_requests_total", help: "Requests.")
        let sampled = Sampled()
        let gauge = registry.gauge("test_queue_depth", help: "Queue depth.")
        let endpoint = try await MetricsEndpoint.start(
            at: try MetricsAddress(parsing: "127.0.0.1:0"), registry: registry
        ) { gauge.set(Double(sampled.next())) }
        defer { Task { await endpoint.stop() } }
        #expect(endpoint.address.port != 0)

        counter.increment()
        let first = try await scrape(endpoint)
        #expect(first.contains("# TYPE test_requests_total counter"))
        #expect(first.contains("test_requests_total 1"))
        #expect(first.contains("test_queue_depth 1"))
        let rss = try #require(first.split(separator: "\n").first { $0.hasPrefix("process_resident_memory_bytes ") })
        #expect((Double(rss.split(separator: " ")[1]) ?? 0) > 0)

        counter.increment(by: Int64(4))
        let second = try await scrape(endpoint)
        #expect(second.contains("test_requests_total 5"))
        #expect(second.contains("test_queue_depth 2"))
    }

    @Test("Addresses: HOST:PORT with an IPv4 host; anything else names the problem", arguments: [
        ("127.0.0.1:9464", true), ("localhost:0", true), ("0.0.0.0:80", true),
        ("9464", false), ("127.0.0.1:99999", false), ("example.com:80", false), ("127.0.0.1:", false),
    ])
    func addresses(text: String, valid: Bool) {
        #expect(((try? MetricsAddress(parsing: text)) != nil) == valid)
    }

    @Test("A port in use is a clear error")
    func portInUse() async throws {
        let first = try await MetricsEndpoint.start(
            at: try MetricsAddress(parsing: "127.0.0.1:0"), registry: PrometheusCollectorRegistry())
        defer { Task { await first.stop() } }
        await #expect(throws: MetricsAddress.Invalid.self) {
            _ = try await MetricsEndpoint.start(at: first.address, registry: PrometheusCollectorRegistry())
        }
    }
}

/// A gauge value that counts up at each sample, shared with the server's tasks.
final class Sampled: Sendable {
    private let value = Atomic<Int>(0)

    func next() -> Int {
        value.add(1, ordering: .relaxed).newValue
    }
}
