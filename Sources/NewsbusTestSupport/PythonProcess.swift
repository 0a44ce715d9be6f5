public import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A Python script run as a child process for interop tests, with its output collected line
/// by line so a test can wait for readiness or results with a deadline.
///
/// Spawned with `posix_spawn` and reaped with `waitpid` (Foundation's `Process` can miss the
/// exit of children started in parallel and then spin in `waitUntilExit`). Pipes are
/// close-on-exec, so other children do not inherit them. The child is killed by ``kill()`` or, at the
/// latest, when this object goes away; the driver scripts also exit when their stdin closes.
public final class PythonProcess: Sendable {
    /// What the child has said so far.
    public struct Output: Sendable {
        /// Complete stdout lines.
        public var lines: [String] = []
        /// Everything on stderr.
        public var errors = ""
        /// The exit status (or 128 + signal), once the child has ended.
        public var exitStatus: Int32?
        fileprivate var partialLine = ""
        fileprivate var stdoutClosed = false

        /// True once the child has exited and all its stdout has been read: the pipe closed, or
        /// the child printed ``PythonProcess/endOfOutput``, or it failed.
        public var hasEnded: Bool {
            guard let exitStatus else { return false }
            return exitStatus != 0 || stdoutClosed || lines.last == PythonProcess.endOfOutput
        }
    }

    /// The line driver scripts print last, before exiting.
    public static let endOfOutput = "END"

    private let pid: pid_t
    private let stdinWriter: Int32
    private let state = SharedOutput()
    /// The command line, for messages.
    public let commandLine: String

    /// Starts `interpreter -u script arguments…`.
    public init(interpreter: URL, script: URL, arguments: [String]) throws {
        commandLine = ([interpreter.path, script.lastPathComponent] + arguments).joined(separator: " ")
        let stdin = try Self.pipe()
        let stdout = try Self.pipe()
        let stderr = try Self.pipe()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdin.read, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout.write, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr.write, 2)
        let argv = ([interpreter.path, "-u", script.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, interpreter.path, &actions, nil, argv, environ)
        close(stdin.read)
        close(stdout.write)
        close(stderr.write)
        guard status == 0 else {
            [stdin.write, stdout.read, stderr.read].forEach { close($0) }
            throw PythonProcessError(commandLine: commandLine, expected: "to start (errno \(status))", output: Output())
        }
        self.pid = pid
        stdinWriter = stdin.write
        Self.read(stdout.read, into: state) { output, text in
            output.partialLine += text
            while let newline = output.partialLine.firstIndex(of: "\n") {
                output.lines.append(String(output.partialLine[..<newline]))
                output.partialLine.removeSubrange(...newline)
            }
        } atEnd: {
            $0.stdoutClosed = true
        }
        Self.read(stderr.read, into: state) {
            $0.errors += $1
        } atEnd: { _ in
        }
    }

    /// A snapshot of the output so far (reaping the child if it has exited).
    public var output: Output {
        reap(wait: false)
        return state.withLock { $0 }
    }

    /// The child's process id.
    public var processIdentifier: pid_t { pid }

    /// Waits up to `timeout` for a stdout line starting with `prefix`; returns the rest of it.
    public func line(startingWith prefix: String, within timeout: Duration) async throws -> String {
        var found: String?
        let ok = await eventually(within: timeout) {
            let output = self.output
            found = output.lines.first { $0.hasPrefix(prefix) }
            return found != nil || output.hasEnded
        }
        if let found { return String(found.dropFirst(prefix.count)) }
        let expected = ok ? "before it exited" : "within \(timeout)"
        throw PythonProcessError(
            commandLine: commandLine, expected: "a line starting with \"\(prefix)\" \(expected)", output: output)
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

    /// Kills the child (SIGKILL) if it still runs and reaps it. Safe to call more than once.
    public func kill() {
        if state.withLock({ $0.exitStatus == nil }) {
            Glibc.kill(pid, SIGKILL)
            reap(wait: true)
        }
    }

    deinit {
        kill()
        close(stdinWriter)
    }

    /// Records the exit status once the child has ended; `wait` blocks until it has.
    private func reap(wait: Bool) {
        state.withLock { output in
            guard output.exitStatus == nil else { return }
            var status: Int32 = 0
            var result: pid_t
            repeat {
                result = waitpid(pid, &status, wait ? 0 : WNOHANG)
            } while result == -1 && errno == EINTR
            guard result == pid else { return }
            let signal = status & 0x7F
            output.exitStatus = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
        }
    }

    private static func pipe() throws -> (read: Int32, write: Int32) {
        var fds: [Int32] = [0, 0]
        guard Glibc.pipe(&fds) == 0 else {
            throw PythonProcessError(commandLine: "pipe", expected: "a pipe (errno \(errno))", output: Output())
        }
        // Close-on-exec (pipe2 is not visible to Swift here): only the child's dup2 copies survive.
        for fd in fds {
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        return (fds[0], fds[1])
    }

    /// Reads `fd` to its end on a small thread, appending decoded text to the output.
    private static func read(
        _ fd: Int32, into state: SharedOutput, append: @escaping @Sendable (inout Output, String) -> Void,
        atEnd: @escaping @Sendable (inout Output) -> Void
    ) {
        let thread = Thread {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                let text = String(decoding: buffer.prefix(count), as: UTF8.self)
                state.withLock { append(&$0, text) }
            }
            close(fd)
            state.withLock { atEnd(&$0) }
        }
        thread.start()
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

/// The child's output, shared with the reader threads.
///
/// `@unchecked Sendable`: `value` is only touched with `lock` held. (An `NSLock` rather than
/// `Mutex`, whose futex the thread sanitizer cannot see.)
private final class SharedOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var value = PythonProcess.Output()

    /// Runs `body` on the output with the lock held.
    func withLock<Result>(_ body: (inout PythonProcess.Output) -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
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
        "\(commandLine): expected \(expected); exit status \(output.exitStatus.map(String.init) ?? "none (still running)"); "
            + "stdout: \(output.lines.joined(separator: " | ")); stderr: \(output.errors)"
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
