import Foundation
import NewsbusTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite("a CURVE cluster with an allow-list, with real processes on 127.0.0.1")
struct CurveClusterTests {
    @Test("unknown or missing keys cannot register or submit; allowed keys run a job")
    func allowListIsEnforced() async throws {
        let directory = try CLITestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let keys = directory.appendingPathComponent("keys")
        let allowed = directory.appendingPathComponent("allowed")
        for name in ["broker", "aggregator", "worker", "client", "stranger"] {
            let keygen = try CLITestSupport.start(["keygen", "--out", keys.path, "--name", name])
            #expect(try await keygen.exitStatus(within: .seconds(30)) == 0, "\(keygen.output.stderr)")
        }
        try FileManager.default.createDirectory(at: allowed, withIntermediateDirectories: true)
        for name in ["aggregator", "worker", "client"] {
            try FileManager.default.copyItem(
                at: keys.appendingPathComponent("\(name).pub"), to: allowed.appendingPathComponent("\(name).pub"))
        }
        let key = { (name: String) in keys.appendingPathComponent(name).path }
        let peer = { (name: String) in
            ["--curve-server-key", key("broker.pub"), "--curve-secret-key", key("\(name).key")]
        }

        let broker = try CLITestSupport.start([
            "broker", "--bind", "tcp://127.0.0.1:0", "--curve-secret-key", key("broker.key"),
            "--curve-allow", allowed.path,
        ])
        var processes = [broker]
        defer { processes.forEach { $0.kill() } }
        let endpoint = try await CLITestSupport.endpoint(of: broker)
        #expect(!broker.output.stderr.contains("WITHOUT CURVE"))

        let aggregator = try CLITestSupport.start(
            ["aggregator", "--broker", endpoint, "--store", directory.appendingPathComponent("store").path]
                + peer("aggregator"))
        processes.append(aggregator)
        try await aggregator.stderrLine(containing: "aggregator ready", within: .seconds(60))

        // A worker with an unknown key is refused by the ZAP handler and never registers.
        let stranger = try CLITestSupport.start(["worker", "--broker", endpoint] + peer("stranger"))
        processes.append(stranger)
        try await broker.stderrLine(containing: "CURVE key not allowed", within: .seconds(120))
        let status = try CLITestSupport.start(["status", "--broker", endpoint] + peer("client"))
        processes.append(status)
        #expect(try await status.exitStatus(within: .seconds(60)) == 0, "\(status.output.stderr)")
        #expect(status.output.stdout.contains("newsbus.extract: no workers connected"), "\(status.output.stdout)")

        // Clients with an unknown key, or none, get a clear error and a failure status.
        let article = directory.appendingPathComponent("article.txt")
        try "A title\nPresident Emmanuel Macron met Olaf Scholz in Berlin on Monday.\n"
            .write(to: article, atomically: true, encoding: .utf8)
        for client in [peer("stranger"), []] {
            let submit = try CLITestSupport.start(["submit", "--broker", endpoint] + client + [article.path])
            processes.append(submit)
            #expect(try await submit.exitStatus(within: .seconds(60)) != 0)
            #expect(submit.output.stderr.contains("no reply from the broker"), "\(submit.output.stderr)")
            #expect(submit.output.stderr.contains("--curve-server-key"), "\(submit.output.stderr)")
            #expect(submit.output.stdout.isEmpty, "no job id is printed")
        }

        let worker = try CLITestSupport.start(["worker", "--broker", endpoint] + peer("worker"))
        processes.append(worker)
        try await worker.stderrLine(containing: "worker started", within: .seconds(120))
        let out = directory.appendingPathComponent("out")
        let submit = try CLITestSupport.start(
            ["submit", "--broker", endpoint, "--wait", "--out", out.path] + peer("client") + [article.path])
        processes.append(submit)
        #expect(try await submit.exitStatus(within: .seconds(240)) == 0, "\(submit.output.stderr)")
        let jobID = try #require(submit.output.lines.first)
        let report = out.appendingPathComponent(jobID).appendingPathComponent("report.json")
        #expect(FileManager.default.fileExists(atPath: report.path))
        #expect(try String(contentsOf: report, encoding: .utf8).contains("Berlin"))
    }
}
