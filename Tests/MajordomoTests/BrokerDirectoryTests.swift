import Logging
import Majordomo
import NewsbusTestSupport
import Testing
import ZeroMQ

/// `mmi.workers` and `mmi.services`: the cluster view the broker answers itself, in manual time.
@Suite("Broker state machine: mmi.workers and mmi.services")
struct BrokerDirectoryTests {
    let echo: ServiceName = "echo"
    let other: ServiceName = "other"
    let w1: PeerIdentity = "worker-1"
    let w2: PeerIdentity = "worker-2"
    let c1: PeerIdentity = "client-1"
    var broker = BrokerStateMachine<TestInstant>(configuration: BrokerConfiguration())

    func at(_ milliseconds: Int) -> TestInstant {
        TestInstant(offset: .milliseconds(milliseconds))
    }

    /// The body of the broker's FINAL to `c1` for a management query at `now`.
    mutating func ask(_ service: ServiceName, at now: TestInstant) -> [[UInt8]] {
        let actions = broker.client(c1, service, [], at: now)
        guard actions.count == 1, case .sendToClient(let client, let reply, _) = actions[0], client == c1 else {
            Issue.record("expected one reply to the client, got \(actions)")
            return []
        }
        return reply.body
    }

    @Test("mmi.workers lists each worker with service, address, state, idle and silent times")
    mutating func workers() throws {
        _ = broker.worker(w1, .ready(echo), at: at(0))
        broker.recordAddress("10.0.0.7", of: w1)
        _ = broker.worker(w2, .ready(echo), at: at(1000))
        _ = broker.client("client-2", echo, [.text("job")], at: at(1500))  // goes to w1, idle longest
        let entries = try ManagementDirectory.workers(from: ask(ManagementDirectory.workersService, at: at(4000)))
        #expect(entries == [
            ManagementDirectory.Worker(
                service: "echo", address: "10.0.0.7", identity: "worker-1", isBusy: true, idleMilliseconds: 0,
                silentMilliseconds: 4000),
            ManagementDirectory.Worker(
                service: "echo", address: "-", identity: "worker-2", isBusy: false, idleMilliseconds: 3000,
                silentMilliseconds: 3000),
        ])
    }

    @Test("Idle time restarts when a worker finishes a request; heartbeats do not reset it")
    mutating func idleTime() throws {
        _ = broker.worker(w1, .ready(echo), at: at(0))
        _ = broker.client("client-2", echo, [.text("job")], at: at(100))
        _ = broker.worker(w1, .final(client: "client-2", body: [.text("done")]), at: at(2000))
        _ = broker.worker(w1, .heartbeat, at: at(4000))
        let entries = try ManagementDirectory.workers(from: ask(ManagementDirectory.workersService, at: at(5000)))
        #expect(entries.map(\.idleMilliseconds) == [3000])
        #expect(entries.map(\.silentMilliseconds) == [1000])
    }

    @Test("mmi.services gives workers, idle workers and queue depth per service")
    mutating func services() throws {
        _ = broker.worker(w1, .ready(echo))
        _ = broker.client("a", other, [.text("1")])
        _ = broker.client("b", other, [.text("2")])
        let entries = try ManagementDirectory.services(from: ask(ManagementDirectory.servicesService, at: .zero))
        #expect(entries == [
            ManagementDirectory.Service(name: "echo", workers: 1, idle: 1, queued: 0),
            ManagementDirectory.Service(name: "other", workers: 0, idle: 0, queued: 2),
        ])
    }

    @Test("A worker that leaves leaves the directory; an address for an unknown peer is ignored")
    mutating func departures() throws {
        _ = broker.worker(w1, .ready(echo))
        _ = broker.worker(w1, .disconnect)
        broker.recordAddress("10.0.0.9", of: w2)
        #expect(try ManagementDirectory.workers(from: ask(ManagementDirectory.workersService, at: .zero)).isEmpty)
        #expect(ask(ManagementDirectory.servicesService, at: .zero) == [.text("200")])
    }

    @Test("Other mmi.* names still answer 501; mmi.service is unchanged")
    mutating func otherManagementNames() {
        _ = broker.worker(w1, .ready(echo))
        #expect(ask("mmi.nothing", at: .zero) == [.text("501")])
        #expect(broker.client(c1, "mmi.service", [.text("echo")]).count == 1)
    }

    @Test("An unreadable directory reply is an error naming the problem")
    func unreadable() {
        #expect(throws: ManagementDirectory.Unreadable.self) { try ManagementDirectory.workers(from: [.text("501")]) }
        #expect(throws: ManagementDirectory.Unreadable.self) {
            try ManagementDirectory.workers(from: [.text("200"), .text("only\ttwo")])
        }
    }
}

/// The directory through a real broker: the worker's TCP peer address comes from libzmq.
@Suite("Broker: mmi.workers over TCP")
struct BrokerDirectoryLiveTests {
    @Test("A TCP worker is listed with its peer address 127.0.0.1, in either dialect", arguments: [Dialect.rfc18, .majortomo])
    func peerAddress(dialect: Dialect) async throws {
        let context = try Context()
        let broker = Broker(
            configuration: BrokerConfiguration(bindEndpoints: ["tcp://127.0.0.1:0"]), context: context,
            logger: Logger(label: "test.broker") { _ in SwiftLogNoOpLogHandler() })
        let endpoint = try broker.start()[0]
        defer { broker.stop() }
        let workers = EchoWorkers(
            count: 2, context: context, brokerEndpoint: endpoint, service: "directory.echo", dialect: dialect)
        defer { workers.stop() }
        let client = ClientConnection(
            context: context, configuration: ClientConfiguration(brokerEndpoint: endpoint),
            logger: Logger(label: "test.client") { _ in SwiftLogNoOpLogHandler() })
        defer { client.close() }
        var entries: [ManagementDirectory.Worker] = []
        // 60 s like the other live tests: in the full parallel run, CPU-heavy synchronous tests
        // can hold the cooperative pool (2 threads on 2 cores) for tens of seconds, and this
        // task's polls only run when it gets a thread back.
        let registered = try await eventually(within: .seconds(60)) {
            entries = try ManagementDirectory.workers(
                from: try await client.request(service: ManagementDirectory.workersService, body: []))
            return entries.count == 2
        }
        #expect(registered, "both workers registered: \(entries)")
        #expect(entries.allSatisfy { $0.service == "directory.echo" && $0.address == "127.0.0.1" && !$0.isBusy })
        let services = try ManagementDirectory.services(
            from: try await client.request(service: ManagementDirectory.servicesService, body: []))
        #expect(services == [ManagementDirectory.Service(name: "directory.echo", workers: 2, idle: 2, queued: 0)])
    }
}
