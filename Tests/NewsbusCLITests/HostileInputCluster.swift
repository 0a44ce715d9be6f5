import Foundation
import NewsbusTestSupport
import Testing

/// One broker, one aggregator and one worker process shared by every hostile-input case: started
/// once for the suite by ``HostileInputClusterTrait`` and killed after it.
final class HostileInputCluster: Sendable {
    /// The cluster of the running suite.
    @TaskLocal static var current: HostileInputCluster?

    /// Seconds a request may wait in the broker's queue (so a request for an unknown service gets a 504).
    static let requestTimeout = 5
    /// The aggregator's `--max-job-bytes` (64 MiB, below the 256 MiB default, so a 200 MB job is refused unread).
    static let maximumJobBytes = 64 << 20

    let directory: URL
    let endpoint: String
    let broker: CommandProcess
    let aggregator: CommandProcess
    let worker: CommandProcess

    private init(
        directory: URL, endpoint: String, broker: CommandProcess, aggregator: CommandProcess, worker: CommandProcess
    ) {
        self.directory = directory
        self.endpoint = endpoint
        self.broker = broker
        self.aggregator = aggregator
        self.worker = worker
    }

    /// Starts the three roles on a free loopback port and a fresh store; the broker keeps its default
    /// 16 MiB frame limit.
    static func start() async throws -> HostileInputCluster {
        let directory = try CLITestSupport.temporaryDirectory()
        let broker = try CLITestSupport.start([
            "broker", "--bind", "tcp://127.0.0.1:0", "--request-timeout", "\(requestTimeout)",
        ])
        let endpoint = try await CLITestSupport.endpoint(of: broker)
        let aggregator = try CLITestSupport.start([
            "aggregator", "--broker", endpoint, "--store", directory.appendingPathComponent("store").path,
            "--timeout", "20", "--max-job-bytes", "\(maximumJobBytes)",
        ])
        let worker = try CLITestSupport.start(["worker", "--broker", endpoint, "--threads", "1"])
        try await aggregator.stderrLine(containing: "aggregator ready", within: .seconds(60))
        try await worker.stderrLine(containing: "worker started", within: .seconds(120))
        return HostileInputCluster(
            directory: directory, endpoint: endpoint, broker: broker, aggregator: aggregator, worker: worker)
    }

    /// Kills every process and removes the directory.
    func stop() {
        [broker, aggregator, worker].forEach { $0.kill() }
        try? FileManager.default.removeItem(at: directory)
    }

    /// The three roles by name.
    var roles: [(name: String, process: CommandProcess)] {
        [("broker", broker), ("aggregator", aggregator), ("worker", worker)]
    }

    /// A fresh directory inside the cluster's one.
    func scratch() throws -> URL {
        let url = directory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs `newsbus submit` (plus `arguments`) against this cluster and waits for it to exit.
    func submit(_ arguments: [String], within timeout: Duration = .seconds(120)) async throws -> CommandProcess {
        let process = try CLITestSupport.start(["submit", "--broker", endpoint] + arguments)
        _ = try await process.exitStatus(within: timeout)
        return process
    }

    /// Waits until `process` has written a stderr line, after its first `offset` characters, that
    /// contains every one of `fragments`; returns that line.
    func newLine(of process: CommandProcess, after offset: Int, containing fragments: [String]) async -> String? {
        var found: String?
        _ = await eventually(within: .seconds(30), checkingEvery: .milliseconds(20)) {
            let text = process.output.stderr
            guard text.count > offset else { return false }
            found = text.dropFirst(offset).split(separator: "\n")
                .first { line in fragments.allSatisfy { line.contains($0) } }.map(String.init)
            return found != nil
        }
        return found
    }

    /// Every role is still running and a small good job still completes with its report.
    func expectServing(after input: String) async throws {
        for (name, process) in roles {
            #expect(
                process.output.exitStatus == nil,
                "the \(name) survived \(input): \(process.output.stderr.suffix(2000))")
        }
        let scratch = try scratch()
        let article = scratch.appendingPathComponent("good.txt")
        try "A good article\n\nChancellor Olaf Scholz met President Emmanuel Macron in Berlin on Monday.\n"
            .write(to: article, atomically: true, encoding: .utf8)
        let out = scratch.appendingPathComponent("out")
        let submit = try await self.submit(["--wait", "--out", out.path, article.path], within: .seconds(180))
        #expect(submit.output.exitStatus == 0, "a good job completes after \(input): \(submit.output.stderr)")
        let job = try #require(submit.output.lines.first, "submit printed the job id")
        let report = out.appendingPathComponent(job).appendingPathComponent("report.json")
        let text = (try? String(contentsOf: report, encoding: .utf8)) ?? ""
        #expect(text.contains("Berlin"), "the good job's report names Berlin after \(input)")
    }
}

/// Starts a ``HostileInputCluster`` once for the suite it is attached to, and kills it afterwards.
struct HostileInputClusterTrait: SuiteTrait, TestScoping {
    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        let cluster = try await HostileInputCluster.start()
        defer { cluster.stop() }
        try await HostileInputCluster.$current.withValue(cluster) {
            try await function()
        }
    }
}

extension Trait where Self == HostileInputClusterTrait {
    /// One shared broker + aggregator + worker cluster for the whole suite.
    static var hostileInputCluster: Self { Self() }
}
