import Majordomo
import Testing

/// Heartbeats, expiry and protocol violations, with time moved by hand.
@Suite("Broker state machine: heartbeats, expiry and violations")
struct BrokerStateMachineTimingTests {
    let echo: ServiceName = "echo"
    let w1: PeerIdentity = "worker-1"
    let c1: PeerIdentity = "client-1"
    let interval = Duration.seconds(1)
    var broker = BrokerStateMachine<TestInstant>(
        configuration: BrokerConfiguration(
            heartbeatInterval: .seconds(1), heartbeatLiveness: 3, busyWorkerTimeout: .seconds(10),
            requestTimeout: .seconds(5)))

    func at(_ seconds: Double) -> TestInstant {
        TestInstant(offset: .milliseconds(Int(seconds * 1000)))
    }

    @Test("An idle worker hears HEARTBEAT every interval and nothing in between")
    mutating func heartbeats() {
        _ = broker.worker(w1, .ready(echo))
        #expect(broker.nextDeadline() == at(1))
        #expect(broker.tick(now: at(0.5)) == [])
        #expect(broker.tick(now: at(1)) == [.sendToWorker(w1, .heartbeat, .rfc18)])
        #expect(broker.nextDeadline() == at(2))
    }

    @Test("A worker silent for interval × liveness is expired and told DISCONNECT")
    mutating func expiry() {
        _ = broker.worker(w1, .ready(echo), .majortomo)
        _ = broker.tick(now: at(1))
        _ = broker.tick(now: at(2))
        #expect(broker.tick(now: at(2.9)) == [])
        #expect(
            broker.tick(now: at(3))
                == [.sendToWorker(w1, .disconnect, .majortomo), .event(.workerExpired(w1, echo, lostRequest: false))])
        #expect(broker.workerCount(for: echo) == 0)
        #expect(broker.nextDeadline() == nil)
    }

    @Test("Any command from the worker keeps it alive")
    mutating func heartbeatKeepsAlive() {
        _ = broker.worker(w1, .ready(echo))
        _ = broker.worker(w1, .heartbeat, at: at(2.5))
        #expect(!broker.tick(now: at(3)).contains(.event(.workerExpired(w1, echo, lostRequest: false))))
        #expect(broker.workerCount(for: echo) == 1)
        #expect(broker.tick(now: at(5.5)).contains(.event(.workerExpired(w1, echo, lostRequest: false))))
    }

    @Test("A busy worker may stay silent up to the busy timeout")
    mutating func busyWorker() {
        _ = broker.worker(w1, .ready(echo))
        _ = broker.client(c1, echo, [[1]])
        #expect(!broker.tick(now: at(9)).contains(where: { if case .event(.workerExpired) = $0 { true } else { false } }))
        #expect(broker.tick(now: at(10)).contains(.event(.workerExpired(w1, echo, lostRequest: true))))
    }

    @Test("A request no worker took within the request timeout gets a 504")
    mutating func requestTimeout() throws {
        _ = broker.client(c1, echo, [[1]], .majortomo)
        #expect(broker.nextDeadline() == at(5))
        let actions = broker.tick(now: at(5))
        guard case .sendToClient(c1, let reply, .majortomo) = actions.first else {
            Issue.record("expected a reply to client-1, got \(actions)")
            return
        }
        #expect(BrokerErrorReply(body: reply.body)?.status == .expired)
        #expect(actions.last == .event(.requestExpired(echo, client: c1)))
        #expect(broker.queuedRequestCount(for: echo) == 0)
    }

    struct Violation: Sendable, CustomTestStringConvertible {
        let name: String
        let registered: Bool
        let command: WorkerCommand
        var testDescription: String { name }
    }

    static let violations: [Violation] = [
        Violation(name: "HEARTBEAT before READY", registered: false, command: .heartbeat),
        Violation(name: "FINAL before READY", registered: false, command: .final(client: "client-1", body: [])),
        Violation(name: "READY twice", registered: true, command: .ready("echo")),
        Violation(name: "FINAL while idle", registered: true, command: .final(client: "client-1", body: [])),
        Violation(name: "PARTIAL while idle", registered: true, command: .partial(client: "client-1", body: [])),
        Violation(name: "REQUEST from a worker", registered: true, command: .request(client: "client-1", body: [])),
        Violation(name: "READY for an mmi.* service", registered: false, command: .ready("mmi.service")),
    ]

    @Test("A worker that breaks the protocol is sent DISCONNECT and forgotten", arguments: violations)
    mutating func violation(_ example: Violation) {
        if example.registered { _ = broker.worker(w1, .ready(echo)) }
        let actions = broker.worker(w1, example.command)
        #expect(actions.first == .sendToWorker(w1, .disconnect, .rfc18))
        guard case .event(.protocolViolation(w1, _)) = actions.last else {
            Issue.record("expected a protocol violation event, got \(actions)")
            return
        }
        #expect(broker.workerIdentities.isEmpty)
    }

    @Test("A reply for a client the worker is not serving disconnects it")
    mutating func wrongClient() {
        _ = broker.worker(w1, .ready(echo))
        _ = broker.client(c1, echo, [[1]])
        let actions = broker.worker(w1, .final(client: "someone-else", body: []))
        #expect(actions.first == .sendToWorker(w1, .disconnect, .rfc18))
        #expect(broker.workerIdentities.isEmpty)
    }

    @Test("DISCONNECT from an unknown worker is ignored")
    mutating func unknownDisconnect() {
        #expect(broker.worker(w1, .disconnect) == [])
    }
}
