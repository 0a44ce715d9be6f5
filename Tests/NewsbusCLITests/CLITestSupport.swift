import Foundation
import NewsbusTestSupport
import Testing

/// Where the end-to-end tests find things: the package, the built `newsbus`, temporary directories.
enum CLITestSupport {
    /// The package root (three levels above this file).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shipped sample articles.
    static let samples = packageRoot.appendingPathComponent("samples/articles.jsonl")

    /// The `newsbus` binary built with the tests: `NEWSBUS_BINARY`, else next to the test bundle,
    /// else in the package's debug build directory.
    static func binary() throws -> URL {
        var candidates: [URL] = []
        if let path = ProcessInfo.processInfo.environment["NEWSBUS_BINARY"], !path.isEmpty {
            candidates.append(URL(fileURLWithPath: path))
        }
        let bundle = Bundle.main.bundleURL
        candidates += [
            bundle.appendingPathComponent("newsbus"), bundle.deletingLastPathComponent().appendingPathComponent("newsbus"),
            packageRoot.appendingPathComponent(".build/debug/newsbus"),
        ]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw MissingBinary(looked: candidates.map(\.path))
        }
        return found
    }

    /// Starts `newsbus arguments…`, with `environment` added to this process's environment.
    static func start(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]
    ) throws -> CommandProcess {
        try CommandProcess(executable: try binary(), arguments: arguments, directory: directory, environment: environment)
    }

    /// Waits for a broker's "broker listening on" line (text or JSON log) and returns the endpoint.
    static func endpoint(of broker: CommandProcess, within timeout: Duration = .seconds(30)) async throws -> String {
        let line = try await broker.stderrLine(containing: "broker listening on ", within: timeout)
        return String(try #require(line.firstMatch(of: /tcp:\/\/[^\s"]+/), "no endpoint in: \(line)").output)
    }

    /// A fresh directory under the system's temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("newsbus-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The one `<job id>` directory `newsbus` wrote under `out`.
    static func reportDirectory(in out: URL) throws -> URL {
        let entries = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix("j-") }
        guard entries.count == 1, let job = entries.first else {
            throw MissingBinary(looked: ["one job directory in \(out.path), found \(entries)"])
        }
        return out.appendingPathComponent(job)
    }
}

/// The built `newsbus` binary (or an expected output) was not found.
struct MissingBinary: Error, CustomStringConvertible {
    let looked: [String]
    var description: String {
        "not found: \(looked.joined(separator: ", ")); build it with `swift build --build-tests` or set NEWSBUS_BINARY"
    }
}
