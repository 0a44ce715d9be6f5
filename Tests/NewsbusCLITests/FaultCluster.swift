import Foundation
import NewsbusTestSupport
import Testing

/// A broker, an aggregator and worker processes on one fixed loopback endpoint, which the fault
/// tests kill (SIGKILL) and restart: the broker on the same endpoint, the aggregator on the same store.
final class FaultCluster {
    /// Aggregator tuning shared with the fault-free reference run (same chunking, so same counts).
    static let tuning = ["--chunk-size", "600", "--window", "6", "--timeout", "8", "--attempts", "5"]

    let directory: URL
    private(set) var endpoint = ""
    private(set) var broker: CommandProcess?
    private(set) var aggregator: CommandProcess?
    private(set) var workers: [CommandProcess] = []
    /// Every process started, killed at the end.
    private var processes: [CommandProcess] = []
    private let tuning: [String]
    private let workerEnvironment: [String: String]

    init(directory: URL, tuning: [String] = FaultCluster.tuning, workerEnvironment: [String: String] = [:]) {
        self.directory = directory
        self.tuning = tuning
        self.workerEnvironment = workerEnvironment
    }

    deinit {
        processes.forEach { $0.kill() }
    }

    /// Starts the broker (on a free port the first time, on the same endpoint afterwards).
    func startBroker(_ options: [String] = []) async throws {
        let process = try track(CLITestSupport.start([
            "broker", "--bind", endpoint.isEmpty ? "tcp://127.0.0.1:0" : endpoint,
        ] + options))
        broker = process
        endpoint = try await CLITestSupport.endpoint(of: process)
    }

    /// Starts an aggregator on the cluster's store; returns its "aggregator ready" line.
    @discardableResult
    func startAggregator() async throws -> String {
        let process = try track(CLITestSupport.start(
            ["aggregator", "--broker", endpoint, "--store", directory.appendingPathComponent("store").path] + tuning))
        aggregator = process
        return try await process.stderrLine(containing: "aggregator ready", within: .seconds(60))
    }

    /// Starts one worker process and waits until it runs.
    func startWorker() async throws {
        let process = try track(CLITestSupport.start(
            ["worker", "--broker", endpoint, "--threads", "1"], environment: workerEnvironment))
        workers.append(process)
        try await process.stderrLine(containing: "worker started", within: .seconds(120))
    }

    /// Starts `newsbus arguments…` against this cluster's broker and keeps it for clean-up.
    func run(_ arguments: [String]) throws -> CommandProcess {
        try track(CLITestSupport.start(arguments))
    }

    /// Submits `paths` with `--wait` (the client stays connected until the report is written).
    func submitWaiting(_ paths: [String], out: URL) throws -> CommandProcess {
        try run(["submit", "--broker", endpoint, "--wait", "--out", out.path] + paths)
    }

    /// The last "chunks done/total" progress the waiting client showed (it polls the job's status).
    static func progress(shownBy submit: CommandProcess) -> (done: Int, total: Int)? {
        guard let line = submit.output.stderr.split(separator: "\n").last(where: { $0.contains("chunks ") }),
            let range = line.range(of: "chunks ")
        else { return nil }
        let fraction = line[range.upperBound...].prefix { $0 != "," && $0 != " " }
        let parts = fraction.split(separator: "/").compactMap { Int($0) }
        return parts.count == 2 ? (parts[0], parts[1]) : nil
    }

    /// Waits until the waiting client shows at least `fraction` of the job's chunks done, but not
    /// all of them; fails the test if the job finished first.
    static func waitForProgress(shownBy submit: CommandProcess, fraction: Double) async throws {
        var last: (done: Int, total: Int)?
        let reached = await eventually(within: .seconds(300), checkingEvery: .milliseconds(20)) {
            last = progress(shownBy: submit)
            guard let last, last.total > 0 else { return submit.output.exitStatus != nil }
            return Double(last.done) >= fraction * Double(last.total)
        }
        let current = try #require(last, "the client shows progress: \(submit.output.stderr)")
        #expect(reached, "the job progressed to \(fraction) of its chunks in time (last \(current))")
        #expect(current.done < current.total, "the fault is injected before the job finished (\(current)): \(submit.output.stderr)")
    }

    /// The job id the waiting client shows in its first progress line ("job <id> running: …"; its
    /// stdout is block-buffered in a pipe, so the id printed there only arrives at exit).
    static func jobID(shownBy submit: CommandProcess) async throws -> String {
        var id: String?
        _ = await eventually(within: .seconds(60), checkingEvery: .milliseconds(20)) {
            id = submit.output.stderr.split(separator: "\n").lazy
                .compactMap { line in line.hasPrefix("job ") ? line.split(separator: " ").dropFirst().first : nil }
                .first.map(String.init)
            return id != nil || submit.output.exitStatus != nil
        }
        return try #require(id, "submit shows its job id: \(submit.output.stderr)")
    }

    private func track(_ process: CommandProcess) -> CommandProcess {
        processes.append(process)
        return process
    }
}
