import Foundation
import NewsbusTestSupport
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Broker, aggregator and worker processes with metrics and JSON logs on, one job through them,
/// then `newsbus status` and every role's /metrics.
@Suite("Operations: status, metrics and logs of a running cluster")
struct OperationsClusterTests {
    /// The URL a role logged as `metrics.url` (JSON log lines).
    static func metricsURL(_ process: CommandProcess) async throws -> URL {
        let line = try await process.stderrLine(containing: "\"metrics served\"", within: .seconds(120))
        let url = try #require(line.firstMatch(of: /"metrics\.url":"([^"]+)"/)?.1)
        return try #require(URL(string: String(url)))
    }

    static func scrape(_ url: URL) async throws -> String {
        let (data, _) = try await URLSession.shared.data(from: url)
        return String(decoding: data, as: UTF8.self)
    }

    @Test("status lists services, the worker's host and the finished job; role metrics count the work")
    func statusAndMetrics() async throws {
        let directory = try CLITestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let json = ["--log-format", "json"]
        let broker = try CLITestSupport.start(["broker", "--bind", "tcp://127.0.0.1:0"] + json)
        var processes = [broker]
        defer { processes.forEach { $0.kill() } }
        let endpoint = try await CLITestSupport.endpoint(of: broker, within: .seconds(60))

        let aggregator = try CLITestSupport.start(
            ["aggregator", "--broker", endpoint, "--store", directory.appendingPathComponent("store").path,
             "--metrics", "127.0.0.1:0"] + json)
        let worker = try CLITestSupport.start(["worker", "--broker", endpoint, "--metrics", "127.0.0.1:0"] + json)
        processes += [aggregator, worker]
        let aggregatorMetrics = try await Self.metricsURL(aggregator)
        let workerMetrics = try await Self.metricsURL(worker)
        try await aggregator.stderrLine(containing: "aggregator ready", within: .seconds(120))
        try await worker.stderrLine(containing: "worker started", within: .seconds(120))

        let submit = try CLITestSupport.start(
            ["submit", "--broker", endpoint, "--wait", "--out", directory.appendingPathComponent("out").path,
             CLITestSupport.samples.path])
        processes.append(submit)
        #expect(try await submit.exitStatus(within: .seconds(300)) == 0, "\(submit.output.stderr)")
        let jobID = try #require(submit.output.lines.first)

        let status = try CLITestSupport.start(["status", "--broker", endpoint])
        processes.append(status)
        #expect(try await status.exitStatus(within: .seconds(60)) == 0, "\(status.output.stderr)")
        let lines = status.output.lines
        #expect(lines.contains { $0.hasPrefix("newsbus.extract") && $0.split(separator: " ").count == 4 }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("newsbus.jobs") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("newsbus.extract") && $0.contains(" 127.0.0.1 ") && $0.contains("idle") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix(jobID) && $0.contains("done") && $0.contains("100%") }, "\(lines)")

        let workerPage = try await Self.scrape(workerMetrics)
        let chunks = MetricsScrapeTests.value(workerPage, "newsbus_worker_chunks_total{outcome=\"ok\"}") ?? 0
        #expect(chunks > 0, "\(workerPage)")
        #expect(MetricsScrapeTests.value(workerPage, "newsbus_worker_chunk_duration_seconds_count") == chunks)
        #expect(MetricsScrapeTests.value(workerPage, "newsbus_worker_threads") == 1)
        let aggregatorPage = try await Self.scrape(aggregatorMetrics)
        #expect(MetricsScrapeTests.value(aggregatorPage, "newsbus_aggregator_jobs{state=\"done\"}") == 1, "\(aggregatorPage)")
        #expect((MetricsScrapeTests.value(aggregatorPage, "newsbus_aggregator_articles_total") ?? 0) > 0)
        #expect((MetricsScrapeTests.value(aggregatorPage, "process_resident_memory_bytes") ?? 0) > 0)

        // JSON log lines carry the job id as metadata.
        let accepted = try await aggregator.stderrLine(containing: "\"job accepted\"", within: .seconds(10))
        let object = try JSONSerialization.jsonObject(with: Data(accepted.utf8)) as? [String: Any]
        #expect(object?["job.id"] as? String == jobID)
        #expect(object?["logger"] as? String == "newsbus.aggregator")
    }
}
