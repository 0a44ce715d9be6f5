import Foundation
import Logging
import Majordomo
import NewsbusTestSupport
import Testing
import ZeroMQ

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A real `newsbus broker --metrics 127.0.0.1:0`, scraped before and after traffic.
@Suite("Metrics: scraping a running broker")
struct MetricsScrapeTests {
    /// The value of the sample line `name` (with its labels, e.g. `x{a="b"}`), or nil.
    static func value(_ page: String, _ name: String) -> Double? {
        page.split(separator: "\n").first { $0.hasPrefix(name + " ") }.flatMap { Double($0.split(separator: " ")[1]) }
    }

    static func scrape(_ url: URL) async throws -> String {
        let (data, _) = try await URLSession.shared.data(from: url)
        return String(decoding: data, as: UTF8.self)
    }

    @Test("Counters and gauges move with traffic; RSS is there")
    func brokerMetricsMove() async throws {
        let broker = try CLITestSupport.start(
            ["broker", "--bind", "tcp://127.0.0.1:0", "--metrics", "127.0.0.1:0", "--log-format", "logfmt"])
        defer { broker.send(signal: SIGTERM) }
        let served = try await broker.stderrLine(containing: "msg=\"metrics served\"", within: .seconds(60))
        let address = try #require(served.firstMatch(of: /metrics\.url=(\S+)/)?.1)
        let url = try #require(URL(string: String(address)))
        let listening = try await broker.stderrLine(containing: "broker listening on tcp://", within: .seconds(60))
        let endpoint = try #require(listening.firstMatch(of: /(tcp:\/\/127\.0\.0\.1:\d+)/)?.1)

        let before = try await Self.scrape(url)
        #expect(before.contains("# TYPE process_resident_memory_bytes gauge"))
        #expect((Self.value(before, "process_resident_memory_bytes") ?? 0) > 0)
        #expect(Self.value(before, "newsbus_broker_workers{service=\"metrics.echo\",state=\"idle\"}") == nil)

        let context = try Context()
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        let workers = EchoWorkers(count: 2, context: context, brokerEndpoint: String(endpoint), service: "metrics.echo")
        defer { workers.stop() }
        let client = ClientConnection(
            context: context, configuration: ClientConfiguration(brokerEndpoint: String(endpoint)), logger: logger)
        defer { client.close() }
        for index in 0..<10 {
            _ = try await client.request(service: "metrics.echo", body: [Array("ping \(index)".utf8)])
        }

        var after = ""
        let idle = "newsbus_broker_workers{service=\"metrics.echo\",state=\"idle\"}"
        let settled = try await eventually(within: .seconds(30), checkingEvery: .milliseconds(50)) {
            after = try await Self.scrape(url)
            return Self.value(after, idle) == 2
        }
        #expect(settled, "both workers idle in the metrics: \(after)")
        #expect(Self.value(after, "newsbus_broker_queue_depth{service=\"metrics.echo\"}") == 0)
        #expect((Self.value(after, "newsbus_broker_requests_total") ?? 0) >= 10)
        #expect(
            (Self.value(after, "newsbus_broker_messages_received_total") ?? 0)
                > (Self.value(before, "newsbus_broker_messages_received_total") ?? 0) + 20)
        #expect(Self.value(after, "newsbus_broker_worker_events_total{event=\"ready\"}") == 2)
    }
}
