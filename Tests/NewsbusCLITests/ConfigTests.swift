import Foundation
import NewsbusTestSupport
import Testing

@testable import newsbus

/// The configuration file, the NEWSBUS_* variables and the flags: precedence and errors.
@Suite("Configuration: precedence and checks")
struct ConfigTests {
    let directory: URL

    init() throws {
        directory = try CLITestSupport.temporaryDirectory()
    }

    func write(_ yaml: String, name: String = "newsbus.yaml") throws -> String {
        let url = directory.appendingPathComponent(name)
        try yaml.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func issues(_ yaml: String) throws -> [ConfigIssue] {
        let path = try write(yaml)
        do {
            _ = try ConfigFile.load(path: path)
            return []
        } catch {
            return error.issues
        }
    }

    @Test("Flag over environment over file over default, for every kind of value")
    func precedence() throws {
        let path = try write("""
            broker:
              queue_limit: 5
              bind: [tcp://127.0.0.1:6001, ipc:///tmp/newsbus-test]
            worker:
              threads: 4
            """)
        let fileOnly = try Settings.load(configPath: path, environment: [:])
        #expect(fileOnly.integer(nil, .brokerQueueLimit) == 5)
        #expect(fileOnly.list([], .brokerBind) == ["tcp://127.0.0.1:6001", "ipc:///tmp/newsbus-test"])
        #expect(fileOnly.integer(nil, .workerThreads) == 4)
        #expect(fileOnly.integer(nil, .brokerHeartbeatLiveness) == 3, "default")
        #expect(fileOnly.resolved(.brokerQueueLimit)?.source == .file(path, line: 2))

        let environment = ["NEWSBUS_BROKER_QUEUE_LIMIT": "7", "NEWSBUS_BROKER_BIND": "tcp://127.0.0.1:6002,tcp://127.0.0.1:6003"]
        let both = try Settings.load(configPath: path, environment: environment)
        #expect(both.integer(nil, .brokerQueueLimit) == 7)
        #expect(both.list([], .brokerBind) == ["tcp://127.0.0.1:6002", "tcp://127.0.0.1:6003"])
        #expect(both.integer(nil, .workerThreads) == 4, "the file still fills what the environment does not")
        #expect(both.integer(9, .brokerQueueLimit) == 9, "a flag wins")
        #expect(both.list(["tcp://127.0.0.1:7000"], .brokerBind) == ["tcp://127.0.0.1:7000"])

        let viaVariable = try Settings.load(configPath: nil, environment: ["NEWSBUS_CONFIG": path])
        #expect(viaVariable.integer(nil, .brokerQueueLimit) == 5, "NEWSBUS_CONFIG names the file")
        #expect(Settings.defaults.integer(nil, .brokerQueueLimit) == 10_000)
        #expect(Settings.defaults.text(nil, .curveSecretKey) == nil)
    }

    @Test("Every problem is reported with its key path and line", arguments: [
        ("broker:\n  queue_limt: 5\n", "broker.queue_limt", 2, "unknown key"),
        ("brokr:\n  queue_limit: 5\n", "brokr", 1, "unknown key"),
        ("worker:\n  threads: many\n", "worker.threads", 2, "expected a whole number from 1 to 256, found 'many'"),
        ("worker:\n  threads: 0\n", "worker.threads", 2, "found 0"),
        ("aggregator:\n  keep_days: 0\n", "aggregator.keep_days", 2, "found 0"),
        ("broker:\n  endpoint: 127.0.0.1:5555\n", "broker.endpoint", 2, "is not an endpoint"),
        ("broker:\n  bind: [tcp://127.0.0.1:5555, http://x]\n", "broker.bind", 2, "'http://x' is not an endpoint"),
        ("broker:\n  metrics: 9464\n", "broker.metrics", 2, "HOST:PORT"),
        ("log:\n  format: xml\n", "log.format", 2, "one of text, logfmt, json"),
        ("curve:\n  secret_key: keys/missing.key\n", "curve.secret_key", 2, "no such file"),
        ("curve:\n  allow: [keys/none]\n", "curve.allow", 2, "no such file or directory"),
        ("broker: [1, 2]\n", "broker", 1, "expected a mapping"),
    ])
    func problems(yaml: String, key: String, line: Int, says: String) throws {
        let found = try issues(yaml)
        #expect(found.count == 1, "\(found)")
        let issue = try #require(found.first)
        #expect(issue.key == key)
        #expect(issue.line == line)
        #expect(issue.description.contains(says), "\(issue)")
        #expect(issue.description.hasPrefix("\(directory.path)/newsbus.yaml:\(line): \(key): "))
    }

    @Test("A YAML syntax error names its line; several problems are all listed")
    func syntaxAndSeveral() throws {
        let syntax = try issues("broker:\n  queue_limit: [1, 2\n")
        #expect(syntax.count == 1 && syntax.first?.key == "" && syntax.first?.line != nil, "\(syntax)")
        let several = try issues("broker:\n  queue_limit: x\n  nope: 1\nworker:\n  threads: 500\n")
        #expect(several.map(\.key) == ["broker.queue_limit", "broker.nope", "worker.threads"])
        #expect(several.map(\.line) == [2, 3, 5])
    }

    @Test("Key paths are relative to the file; existing key files pass")
    func relativeKeys() throws {
        let keys = directory.appendingPathComponent("keys")
        try FileManager.default.createDirectory(at: keys, withIntermediateDirectories: true)
        // The server secret key of libzmq's CURVE test vectors (zmq_curve(7)).
        try "# test\nJTKVSB%%)wK0E.X)V>+}o?pNmC{O&4W4b!Ni{Lh6\n".write(
            to: keys.appendingPathComponent("host.key"), atomically: true, encoding: .utf8)
        let path = try write("curve:\n  secret_key: keys/host.key\n")
        let settings = try Settings.load(configPath: path, environment: [:])
        #expect(settings.text(nil, .curveSecretKey) == keys.appendingPathComponent("host.key").path)
    }

    @Test("Bad NEWSBUS_* values are errors naming the variable; empty ones are unset")
    func environmentErrors() throws {
        #expect(throws: ConfigError.self) { try Settings.load(configPath: nil, environment: ["NEWSBUS_WORKER_THREADS": "lots"]) }
        do {
            _ = try Settings.load(configPath: nil, environment: ["NEWSBUS_BROKER_ENDPOINT": "nowhere"])
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("NEWSBUS_BROKER_ENDPOINT: broker.endpoint: 'nowhere' is not an endpoint"))
        }
        let empty = try Settings.load(configPath: nil, environment: ["NEWSBUS_WORKER_THREADS": ""])
        #expect(empty.integer(nil, .workerThreads) == 1)
    }

    @Test("The shipped example deploy/newsbus.yaml is valid")
    func shippedExample() throws {
        let example = CLITestSupport.packageRoot.appendingPathComponent("deploy/newsbus.yaml").path
        let file = try ConfigFile.load(path: example)
        #expect(file.values[.brokerEndpoint]?.value == .text("tcp://127.0.0.1:5555"))
    }
}

/// `newsbus config check` and `config show` as a user runs them.
@Suite("Configuration: the config command")
struct ConfigCommandTests {
    @Test("config check: 'ok' and status 0 for a good file; one line per problem and status 1 for a bad one")
    func check() async throws {
        let directory = try CLITestSupport.temporaryDirectory()
        let good = directory.appendingPathComponent("good.yaml")
        try "worker:\n  threads: 2\n".write(to: good, atomically: true, encoding: .utf8)
        let ok = try CLITestSupport.start(["config", "check", good.path])
        #expect(try await ok.exitStatus(within: .seconds(60)) == 0)
        #expect(ok.output.stdout.contains("ok"))

        let bad = directory.appendingPathComponent("bad.yaml")
        try "worker:\n  threads: 2\n  thread: 3\nbroker:\n  endpoint: nowhere\n".write(to: bad, atomically: true, encoding: .utf8)
        let failed = try CLITestSupport.start(["config", "check", bad.path])
        #expect(try await failed.exitStatus(within: .seconds(60)) == 1)
        #expect(failed.output.stderr.contains("\(bad.path):3: worker.thread: unknown key"), "\(failed.output.stderr)")
        #expect(failed.output.stderr.contains("\(bad.path):5: broker.endpoint: "), "\(failed.output.stderr)")
    }

    @Test("config show: environment over file over default, each with its source")
    func show() async throws {
        let directory = try CLITestSupport.temporaryDirectory()
        let file = directory.appendingPathComponent("newsbus.yaml")
        try "broker:\n  queue_limit: 5\nworker:\n  threads: 3\n".write(to: file, atomically: true, encoding: .utf8)
        let show = try CLITestSupport.start(
            ["config", "show"], environment: ["NEWSBUS_CONFIG": file.path, "NEWSBUS_WORKER_THREADS": "6"])
        #expect(try await show.exitStatus(within: .seconds(60)) == 0, "\(show.output.stderr)")
        let out = show.output.stdout
        #expect(out.contains("  queue_limit: 5  # \(file.path):2"), "\(out)")
        #expect(out.contains("  threads: 6  # environment NEWSBUS_WORKER_THREADS"), "\(out)")
        #expect(out.contains("  heartbeat_liveness: 3  # default"), "\(out)")
        #expect(out.contains("# secret_key: not set (NEWSBUS_CURVE_SECRET_KEY)"), "\(out)")
    }

    @Test("A role refuses to start on a bad configuration and says why")
    func roleRefuses() async throws {
        let worker = try CLITestSupport.start(["worker"], environment: ["NEWSBUS_WORKER_THREADS": "zero"])
        #expect(try await worker.exitStatus(within: .seconds(60)) != 0)
        #expect(worker.output.stderr.contains("NEWSBUS_WORKER_THREADS: worker.threads: expected a whole number"), "\(worker.output.stderr)")
    }
}
