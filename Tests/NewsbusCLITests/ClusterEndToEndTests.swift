import Foundation
import NewsbusTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite("distributed cluster end to end, with real processes")
struct ClusterEndToEndTests {
    /// Credit 1 is the broker's default (classic MDP); 16 is what `scripts/cluster` and
    /// `deploy/newsbus.yaml` run, where each worker extracts what waits in its socket as a batch.
    @Test(
        "broker, aggregator and two worker processes turn 200+ articles into one report listing each with its entities",
        arguments: [1, 16])
    func distributedJob(workerCredit: Int) async throws {
        let directory = try CLITestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let generated = directory.appendingPathComponent("generated.jsonl")
        let generatedIDs = try GeneratedArticles.write(count: 200, to: generated)
        let expectedIDs = Set(try GeneratedArticles.sampleIDs() + generatedIDs)

        let broker = try CLITestSupport.start([
            "broker", "--bind", "tcp://127.0.0.1:0", "--worker-credit", "\(workerCredit)",
        ])
        var processes = [broker]
        defer { processes.forEach { $0.kill() } }
        let endpoint = try await CLITestSupport.endpoint(of: broker)

        let aggregator = try CLITestSupport.start([
            "aggregator", "--broker", endpoint, "--store", directory.appendingPathComponent("store").path,
            "--chunk-size", "600",
        ])
        processes.append(aggregator)
        for _ in 0..<2 {
            processes.append(try CLITestSupport.start(["worker", "--broker", endpoint, "--threads", "1"]))
        }
        try await aggregator.stderrLine(containing: "aggregator ready", within: .seconds(60))
        for worker in processes.suffix(2) {
            try await worker.stderrLine(containing: "worker started", within: .seconds(120))
        }

        let out = directory.appendingPathComponent("out")
        let submit = try CLITestSupport.start([
            "submit", "--broker", endpoint, "--wait", "--out", out.path, CLITestSupport.samples.path, generated.path,
        ])
        processes.append(submit)
        let status = try await submit.exitStatus(within: .seconds(480))
        #expect(status == 0, "\(submit.output.stderr)")
        let jobID = try #require(submit.output.lines.first)
        #expect(submit.output.stderr.contains("chunks "), "progress lines are shown")

        let report = try Self.report(in: out.appendingPathComponent(jobID))
        let articles = try #require(report["articles"] as? [[String: Any]])
        #expect(Set(articles.compactMap { $0["id"] as? String }) == expectedIDs)
        let failed = articles.filter { $0["status"] as? String != "ok" }
        #expect(failed.isEmpty, "failed: \(failed)")
        let entities = try #require(report["entities"] as? [[String: Any]])
        let withEntities = Set(entities.flatMap { ($0["articles"] as? [String: Any])?.keys.map { $0 } ?? [] })
        let withoutEntities = expectedIDs.subtracting(withEntities).sorted()
        #expect(withoutEntities.isEmpty, "articles without entities: \(withoutEntities)")

        let query = try CLITestSupport.start(["status", "--broker", endpoint, jobID])
        processes.append(query)
        #expect(try await query.exitStatus(within: .seconds(60)) == 0, "\(query.output.stderr)")
        #expect(query.output.stdout.contains(jobID) && query.output.stdout.contains("done"))
        #expect(query.output.stdout.contains("newsbus.extract: workers connected"))

        for process in processes.prefix(4) { process.send(signal: SIGTERM) }
        for process in processes.prefix(4) {
            let status = try await process.exitStatus(within: .seconds(30))
            #expect(status == 0, "\(process.commandLine) exits cleanly on SIGTERM")
        }
    }

    @Test("an aggregator killed with SIGKILL mid-job is restarted on its store and finishes the job")
    func aggregatorResumes() async throws {
        let directory = try CLITestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let generated = directory.appendingPathComponent("generated.jsonl")
        let ids = Set(try GeneratedArticles.write(count: 12, to: generated))
        let store = directory.appendingPathComponent("store").path

        let broker = try CLITestSupport.start(["broker", "--bind", "tcp://127.0.0.1:0"])
        var processes = [broker]
        defer { processes.forEach { $0.kill() } }
        let endpoint = try await CLITestSupport.endpoint(of: broker)
        let first = try CLITestSupport.start(["aggregator", "--broker", endpoint, "--store", store])
        processes.append(first)
        try await first.stderrLine(containing: "aggregator ready", within: .seconds(60))

        // No worker yet, so the job cannot progress before the aggregator dies.
        let submit = try CLITestSupport.start(["submit", "--broker", endpoint, generated.path])
        processes.append(submit)
        #expect(try await submit.exitStatus(within: .seconds(60)) == 0, "\(submit.output.stderr)")
        let jobID = try #require(submit.output.lines.first)
        first.kill()

        let second = try CLITestSupport.start(["aggregator", "--broker", endpoint, "--store", store])
        processes.append(second)
        let ready = try await second.stderrLine(containing: "aggregator ready", within: .seconds(60))
        #expect(ready.contains("jobs.resumed=1"))
        processes.append(try CLITestSupport.start(["worker", "--broker", endpoint]))
        try await second.stderrLine(containing: "job finished", within: .seconds(240))

        let out = directory.appendingPathComponent("out")
        let fetch = try CLITestSupport.start(["report", jobID, "--broker", endpoint, "--out", out.path])
        processes.append(fetch)
        #expect(try await fetch.exitStatus(within: .seconds(60)) == 0, "\(fetch.output.stderr)")
        let report = try Self.report(in: out.appendingPathComponent(jobID))
        let articles = try #require(report["articles"] as? [[String: Any]])
        #expect(Set(articles.compactMap { $0["id"] as? String }) == ids)
        #expect(articles.allSatisfy { $0["status"] as? String == "ok" })
    }

    @Test("a job sent while no worker runs waits for one, past its timeout times its attempts, and completes")
    func jobWaitsForWorkers() async throws {
        let directory = try CLITestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let generated = directory.appendingPathComponent("generated.jsonl")
        let ids = Set(try GeneratedArticles.write(count: 5, to: generated))

        let broker = try CLITestSupport.start(["broker", "--bind", "tcp://127.0.0.1:0"])
        var processes = [broker]
        defer { processes.forEach { $0.kill() } }
        let endpoint = try await CLITestSupport.endpoint(of: broker)
        // One attempt of one second: without workers every article would fail after a second.
        let aggregator = try CLITestSupport.start([
            "aggregator", "--broker", endpoint, "--store", directory.appendingPathComponent("store").path,
            "--timeout", "1", "--attempts", "1",
        ])
        processes.append(aggregator)
        try await aggregator.stderrLine(containing: "aggregator ready", within: .seconds(60))

        let out = directory.appendingPathComponent("out")
        let submit = try CLITestSupport.start(["submit", "--broker", endpoint, "--wait", "--out", out.path, generated.path])
        processes.append(submit)
        // After 5 s without progress the client asks the broker, and says what to do; by then the
        // aggregator has held the chunks (one attempt of one second) instead of failing them.
        try await submit.stderrLine(containing: "no extraction worker is connected to the broker", within: .seconds(60))
        #expect(submit.output.stderr.contains("newsbus worker --broker \(endpoint)"))
        #expect(aggregator.output.stderr.contains("no extraction worker at the broker"))
        processes.append(try CLITestSupport.start(["worker", "--broker", endpoint]))

        #expect(try await submit.exitStatus(within: .seconds(240)) == 0, "\(submit.output.stderr)")
        let jobID = try #require(submit.output.lines.first)
        let report = try Self.report(in: out.appendingPathComponent(jobID))
        let articles = try #require(report["articles"] as? [[String: Any]])
        #expect(Set(articles.compactMap { $0["id"] as? String }) == ids)
        #expect(articles.allSatisfy { $0["status"] as? String == "ok" })
    }

    private static func report(in directory: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: directory.appendingPathComponent("report.json"))
        let json = try JSONSerialization.jsonObject(with: data)
        #expect(ReportShape.problems(in: json) == [])
        return try #require(json as? [String: Any])
    }
}
