import Foundation

/// The majortomo broker (Python) as a child process on a free loopback port.
final class MajortomoBroker {
    /// Where it listens.
    let endpoint: String
    private let process: Process
    private let stdin = Pipe()

    /// Starts `python driver broker` and reads the endpoint it prints.
    init(python: String, driver: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-u", driver, "broker"]
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardInput = stdin
        try process.run()
        self.process = process
        var text = ""
        while !text.contains("\n") {
            let data = stdout.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("ENDPOINT ") }) else {
            process.terminate()
            throw BenchError(
                "the majortomo broker did not start (\(python) \(driver) broker said: \(text)); run scripts/setup")
        }
        endpoint = String(line.dropFirst("ENDPOINT ".count))
    }

    /// Ends the child.
    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }
}
