public import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A Python script run as a child process for interop tests, with its output collected line
/// by line so a test can wait for readiness or results with a deadline.
///
/// The child is killed by ``kill()`` or, at the latest, when this object goes away; the driver
/// scripts also exit when their stdin closes, so even a crashed test run leaves no process
/// behind.
public final class PythonProcess: Sendable {
    /// What the child has said so far.
    public struct Output: Sendable {
        /// Complete stdout lines.
        public var lines: [String] = []
        /// Everything on stderr.
        public var errors = ""
        /// The exit status, once the child has ended.
        public var exitStatus: Int32?
        fileprivate var partialLine = ""
        fileprivate var stdoutClosed = false
        fileprivate var stderrClosed = false

        /// True once the child has exited and all its stdout has been read: the pipe closed, or
        /// the child printed ``PythonProcess/endOfOutput`` (children of tests running in
        /// parallel can inherit the pipe and delay its end-of-file), or it failed.
        public var hasEnded: Bool {
            guard let exitStatus else { return false }
            return exitStatus != 0 || stdoutClosed || lines.last == PythonProcess.endOfOutput
        }
    }

    /// The line driver scripts print last, before exiting.
    public static let endOfOutput = "END"

    private let process: Process
    private let stdinPipe = Pipe()
    private let state = SharedOutput()
    /// The command line, for messages.
    public let commandLine: String

    /// Starts `interpreter script arguments…`.
    public init(interpreter: URL, script: URL, arguments: [String]) throws {
        let process = Process()
        process.executableURL = interpreter
        process.arguments = ["-u", script.path] + arguments
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = stdinPipe
        self.process = process
        commandLine = ([interpreter.path, script.lastPathComponent] + arguments).joined(separator: " ")
        let state = state
        stdout.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            guard !data.isEmpty else {
                handle.readabilityHandler = nil
                state.mutex.withLock { $0.stdoutClosed = true }
                return
            }
            let text = String(decoding: data, as: UTF8.self)
            state.mutex.withLock { output in
                output.partialLine += text
                while let newline = output.partialLine.firstIndex(of: "\n") {
                    output.lines.append(String(output.partialLine[..<newline]))
                    output.partialLine.removeSubrange(...newline)
                }
            }
        }
        stderr.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            guard !data.isEmpty else {
                handle.readabilityHandler = nil
                state.mutex.withLock { $0.stderrClosed = true }
                return
            }
            let text = String(decoding: data, as: UTF8.self)
            state.mutex.withLock { $0.errors += text }
        }
        process.terminationHandler = { process in
            let status = process.terminationStatus
            state.mutex.withLock { $0.exitStatus = status }
        }
        try process.run()
    }

    /// A snapshot of the output so far.
    public var output: Output {
        state.mutex.withLock { $0 }
    }

    /// Waits up to `timeout` for a stdout line starting with `prefix`; returns the rest of it.
    public func line(startingWith prefix: String, within timeout: Duration) async throws -> String {
        var found: String?
        let ok = await eventually(within: timeout) {
            let output = self.output
            found = output.lines.first { $0.hasPrefix(prefix) }
            return found != nil || output.hasEnded
        }
        if let found { return String(found.dropFirst(prefix.count)) }
        throw PythonProcessError(
            commandLine: commandLine,
            expected: ok
                ? "a line starting with \"\(prefix)\" before it exited"
                : "a line "
                    + "starting with \"\(prefix)\" within \(timeout)", output: output)
    }

    /// Waits up to `timeout` for the child to exit; returns its status.
    public func exitStatus(within timeout: Duration) async throws -> Int32 {
        _ = await eventually(within: timeout) { self.output.hasEnded }
        let output = output
        guard output.hasEnded, let status = output.exitStatus else {
            throw PythonProcessError(commandLine: commandLine, expected: "an exit within \(timeout)", output: output)
        }
        return status
    }

    /// Kills the child (SIGKILL) if it still runs and waits for it to end.
    public func kill() {
        if process.isRunning {
            Glibc.kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        try? stdinPipe.fileHandleForWriting.close()
    }

    deinit {
        kill()
    }

    /// The interpreter with majortomo installed: `NEWSBUS_PYTHON`, else `<packageRoot>/.venv/bin/python`.
    public static func interpreter(packageRoot: URL) throws -> URL {
        if let path = ProcessInfo.processInfo.environment["NEWSBUS_PYTHON"], !path.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: path) else {
                throw PythonNotFound(looked: [path])
            }
            return URL(fileURLWithPath: path)
        }
        let venv = packageRoot.appendingPathComponent(".venv/bin/python")
        guard FileManager.default.isExecutableFile(atPath: venv.path) else {
            throw PythonNotFound(looked: ["$NEWSBUS_PYTHON (unset)", venv.path])
        }
        return venv
    }
}

/// The child's output, shared with the pipe and termination handlers.
private final class SharedOutput: Sendable {
    let mutex = Mutex(PythonProcess.Output())
}

/// A Python child did not say what the test waited for.
public struct PythonProcessError: Error, CustomStringConvertible {
    /// The command that ran.
    public let commandLine: String
    /// What the test waited for.
    public let expected: String
    /// What the child said.
    public let output: PythonProcess.Output

    /// The expectation and the child's output, for the test log.
    public var description: String {
        "\(commandLine): expected \(expected); exit status \(output.exitStatus.map(String.init) ?? "none (still running)")\n"
            + "stdout:\n\(output.lines.joined(separator: "\n"))\nstderr:\n\(output.errors)"
    }
}

/// No Python interpreter with majortomo was found for the interop tests.
public struct PythonNotFound: Error, CustomStringConvertible {
    /// Where the interpreter was looked for.
    public let looked: [String]

    /// Where it looked and how to fix it.
    public var description: String {
        "no Python for the majortomo interop tests (looked at \(looked.joined(separator: ", "))): run scripts/setup "
            + "to create .venv with majortomo, or set NEWSBUS_PYTHON to a python that can `import majortomo`"
    }
}
