public import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A command run as a child process by end-to-end tests, with stdout and stderr collected line
/// by line so a test can wait for readiness (a log line) or the exit, with a deadline.
///
/// The child is killed by ``kill()`` or, at the latest, when this object goes away.
public final class CommandProcess: Sendable {
    /// What the child has said so far.
    public struct Output: Sendable {
        /// Everything on stdout.
        public var stdout = ""
        /// Everything on stderr.
        public var stderr = ""
        /// The exit status, once the child has ended.
        public var exitStatus: Int32?
        /// Output pipes not yet at end of file.
        var openStreams = 2

        /// Complete stdout lines.
        public var lines: [String] { stdout.split(separator: "\n").map(String.init) }
    }

    private let process: Process
    private let state = CommandOutput()
    private let stdinPipe = Pipe()
    /// The command line, for messages.
    public let commandLine: String

    /// Starts `executable arguments…` in `directory` (the current one when `nil`), with this
    /// process's environment plus `environment`.
    public init(
        executable: URL, arguments: [String], directory: URL? = nil, environment: [String: String] = [:]
    ) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, added in added }
        }
        if let directory { process.currentDirectoryURL = directory }
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = stdinPipe
        self.process = process
        commandLine = ([executable.lastPathComponent] + arguments).joined(separator: " ")
        Self.collect(stdout, into: state, isStandardError: false)
        Self.collect(stderr, into: state, isStandardError: true)
        let state = state
        process.terminationHandler = { process in
            let status = process.terminationStatus
            state.mutex.withLock { $0.exitStatus = status }
        }
        try process.run()
    }

    /// Reads `pipe` to its end on a thread of its own with blocking reads. Not `readabilityHandler`:
    /// tearing down its libdispatch read source races the descriptor's close and intermittently
    /// crashes the process in `_dispatch_event_loop_drain` on Linux (swift-corelibs-libdispatch
    /// issue 949), which took down a whole test run here.
    private static func collect(_ pipe: Pipe, into state: CommandOutput, isStandardError: Bool) {
        let handle = pipe.fileHandleForReading
        let thread = Thread {
            while true {
                let data = handle.availableData
                if data.isEmpty {
                    state.mutex.withLock { $0.openStreams -= 1 }
                    return
                }
                let text = String(decoding: data, as: UTF8.self)
                state.mutex.withLock { output in
                    if isStandardError { output.stderr += text } else { output.stdout += text }
                }
            }
        }
        thread.name = isStandardError ? "child stderr" : "child stdout"
        thread.start()
    }

    /// A snapshot of the output so far.
    public var output: Output {
        state.mutex.withLock { $0 }
    }

    /// The child's process id.
    public var processIdentifier: Int32 { process.processIdentifier }

    /// Waits up to `timeout` for a stderr line containing `text`; returns that line.
    @discardableResult
    public func stderrLine(containing text: String, within timeout: Duration) async throws -> String {
        var found: String?
        let ok = await eventually(within: timeout, checkingEvery: .milliseconds(20)) {
            let output = self.output
            found = output.stderr.split(separator: "\n").first { $0.contains(text) }.map(String.init)
            return found != nil || output.exitStatus != nil
        }
        if let found { return found }
        throw CommandProcessError(
            commandLine: commandLine,
            expected: "a stderr line with \"\(text)\"" + (ok ? " before it exited" : " within \(timeout)"),
            output: output)
    }

    /// Waits up to `timeout` for the child to exit; returns its status (kills it on timeout).
    public func exitStatus(within timeout: Duration) async throws -> Int32 {
        _ = await eventually(within: timeout, checkingEvery: .milliseconds(20)) { self.output.exitStatus != nil }
        // Read what is left in the pipes. A child spawned concurrently by another test may have
        // inherited their write ends, so end of file can come late: wait for it only briefly.
        _ = await eventually(within: .seconds(2), checkingEvery: .milliseconds(20)) { self.output.openStreams == 0 }
        guard let status = output.exitStatus else {
            let snapshot = output
            kill()
            throw CommandProcessError(commandLine: commandLine, expected: "an exit within \(timeout)", output: snapshot)
        }
        process.waitUntilExit()
        return status
    }

    /// Sends `signal` to the child if it still runs.
    public func send(signal number: Int32) {
        if process.isRunning { Glibc.kill(process.processIdentifier, number) }
    }

    /// Kills the child (SIGKILL) if it still runs and waits for it to end.
    public func kill() {
        send(signal: SIGKILL)
        process.waitUntilExit()
        try? stdinPipe.fileHandleForWriting.close()
    }

    deinit {
        kill()
    }
}

/// The child's output, shared with the pipe and termination handlers.
private final class CommandOutput: Sendable {
    let mutex = Mutex(CommandProcess.Output())
}

/// A child did not do what the test waited for.
public struct CommandProcessError: Error, CustomStringConvertible {
    /// The command that ran.
    public let commandLine: String
    /// What the test waited for.
    public let expected: String
    /// What the child said.
    public let output: CommandProcess.Output

    /// The expectation and the child's output, for the test log.
    public var description: String {
        let status = output.exitStatus.map(String.init) ?? "none (still running)"
        return "\(commandLine): expected \(expected); exit status \(status)\n"
            + "stdout:\n\(output.stdout)\nstderr:\n\(output.stderr)"
    }
}
