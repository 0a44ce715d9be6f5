import Foundation
import NewsbusTestSupport

/// The majortomo broker (Python) as a child process on a free loopback port.
final class MajortomoBroker {
    /// Where it listens.
    let endpoint: String
    private let process: PythonProcess

    /// Starts `python driver broker` and waits (up to 30 s) for the endpoint it prints.
    init(python: String, driver: String) throws {
        let process = try PythonProcess(
            interpreter: URL(fileURLWithPath: python), script: URL(fileURLWithPath: driver), arguments: ["broker"])
        self.process = process
        let deadline = ContinuousClock.now.advanced(by: .seconds(30))
        var line: String?
        while line == nil, process.output.exitStatus == nil, ContinuousClock.now < deadline {
            line = process.output.lines.first { $0.hasPrefix("ENDPOINT ") }
            if line == nil { Thread.sleep(forTimeInterval: 0.01) }
        }
        guard let line else {
            process.kill()
            throw BenchError("the majortomo broker did not start: \(process.output.errors); run scripts/setup")
        }
        endpoint = String(line.dropFirst("ENDPOINT ".count))
    }

    /// Ends the child.
    func stop() {
        process.kill()
    }
}
