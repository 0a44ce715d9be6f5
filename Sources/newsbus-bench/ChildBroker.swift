import Foundation
import NewsbusTestSupport

/// A broker in a child process, listening on a free loopback port it prints as "ENDPOINT <url>":
/// majortomo's (Python), or the C yardstick `scripts/mdp-reference.c`.
final class ChildBroker {
    /// Where it listens.
    let endpoint: String
    /// The child's process id, to count its CPU time.
    let processIdentifier: pid_t
    private let stopChild: () -> Void

    /// Starts `python driver broker`.
    static func majortomo(python: String, driver: String) throws -> ChildBroker {
        let process = try PythonProcess(
            interpreter: URL(fileURLWithPath: python), script: URL(fileURLWithPath: driver), arguments: ["broker"])
        return try ChildBroker(
            name: "the majortomo broker", processIdentifier: process.processIdentifier, stop: process.kill,
            hint: "run scripts/setup"
        ) {
            let output = process.output
            return (output.lines, output.exitStatus != nil, output.errors)
        }
    }

    /// Starts `executable broker CREDIT [ECHO-WORKERS]` (see scripts/mdp-reference.c).
    static func reference(executable: String, credit: Int, echoWorkers: Int) throws -> ChildBroker {
        let arguments = ["broker", "\(credit)"] + (echoWorkers > 0 ? ["\(echoWorkers)"] : [])
        let process = try CommandProcess(executable: URL(fileURLWithPath: executable), arguments: arguments)
        return try ChildBroker(
            name: "the C reference broker", processIdentifier: process.processIdentifier, stop: process.kill,
            hint: "scripts/bench-bus builds it with cc"
        ) {
            let output = process.output
            return (output.lines, output.exitStatus != nil, output.stderr)
        }
    }

    /// Waits (up to 30 s) for the endpoint line that `output` (stdout lines, exited, stderr) shows.
    private init(
        name: String, processIdentifier: pid_t, stop: @escaping () -> Void, hint: String,
        output: () -> (lines: [String], exited: Bool, errors: String)
    ) throws {
        self.processIdentifier = processIdentifier
        stopChild = stop
        let deadline = ContinuousClock.now.advanced(by: .seconds(30))
        while true {
            let (lines, exited, errors) = output()
            if let line = lines.first(where: { $0.hasPrefix("ENDPOINT ") }) {
                endpoint = String(line.dropFirst("ENDPOINT ".count))
                return
            }
            guard !exited, ContinuousClock.now < deadline else {
                stop()
                throw BenchError("\(name) did not start: \(errors); \(hint)")
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
    }

    /// Ends the child.
    func stop() {
        stopChild()
    }
}
