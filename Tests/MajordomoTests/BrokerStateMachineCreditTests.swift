import Majordomo
import Testing

/// Worker credit (``BrokerConfiguration/workerCredit``): the broker may hand a worker several
/// requests before their FINAL replies come back; time moved by hand, no sockets.
@Suite("Broker state machine: worker credit")
struct BrokerStateMachineCreditTests {
    let echo: ServiceName = "echo"
    let w1: PeerIdentity = "worker-1"
    let w2: PeerIdentity = "worker-2"
    let c1: PeerIdentity = "client-1"
    let c2: PeerIdentity = "client-2"

    func broker(credit: Int) -> BrokerStateMachine<TestInstant> {
        BrokerStateMachine(
            configuration: BrokerConfiguration(
                heartbeatInterval: .seconds(1), heartbeatLiveness: 3, busyWorkerTimeout: .seconds(10),
                workerCredit: credit))
    }

    func at(_ seconds: Double) -> TestInstant {
        TestInstant(offset: .milliseconds(Int(seconds * 1000)))
    }

    /// The workers the actions send REQUESTs to, in order.
    func requestedWorkers(_ actions: [BrokerAction]) -> [PeerIdentity] {
        actions.compactMap { action in
            if case .sendToWorker(let worker, .request, _) = action { worker } else { nil }
        }
    }

    @Test("Credit 1 (the default) is classic MDP: a worker holds one request at a time", arguments: [1, 0, -3])
    func classic(credit: Int) {
        var broker = broker(credit: credit)
        _ = broker.worker(w1, .ready(echo))
        #expect(requestedWorkers(broker.client(c1, echo, [[1]])) == [w1])
        #expect(broker.client(c1, echo, [[2]]) == [])
        #expect(broker.queuedRequestCount(for: echo) == 1)
        #expect(
            broker.worker(w1, .final(client: c1, body: [[1]]))
                == [
                    .sendToClient(c1, final(echo, [[1]]), .rfc18),
                    .sendToWorker(w1, .request(client: c1, body: [[2]]), .rfc18),
                ])
    }

    @Test("With credit 3, two workers take requests in turn until each holds 3; the rest wait")
    func inTurn() {
        var broker = broker(credit: 3)
        _ = broker.worker(w1, .ready(echo))
        _ = broker.worker(w2, .ready(echo))
        var sentTo: [PeerIdentity] = []
        for index in 0..<7 {
            sentTo += requestedWorkers(broker.client(c1, echo, [[UInt8(index)]]))
        }
        #expect(sentTo == [w1, w2, w1, w2, w1, w2])
        #expect(broker.queuedRequestCount(for: echo) == 1)
        #expect(broker.idleWorkerCount(for: echo) == 0)
        // One FINAL frees one credit, and the waiting request goes to that worker.
        #expect(
            broker.worker(w2, .final(client: c1, body: [[1]]))
                == [
                    .sendToClient(c1, final(echo, [[1]]), .rfc18),
                    .sendToWorker(w2, .request(client: c1, body: [[6]]), .rfc18),
                ])
        #expect(broker.queuedRequestCount(for: echo) == 0)
    }

    @Test("Replies reach their own clients, and the worker takes requests again as credit returns")
    func repliesRouteByClient() {
        var broker = broker(credit: 2)
        _ = broker.worker(w1, .ready(echo))
        _ = broker.client(c1, echo, [[1]])
        _ = broker.client(c2, echo, [[2]])
        #expect(broker.idleWorkerCount(for: echo) == 0)
        #expect(broker.worker(w1, .partial(client: c1, body: [[10]])) == [.sendToClient(c1, ClientReply(kind: .partial, service: echo, body: [[10]]), .rfc18)])
        #expect(broker.worker(w1, .final(client: c1, body: [[11]])) == [.sendToClient(c1, final(echo, [[11]]), .rfc18)])
        #expect(broker.idleWorkerCount(for: echo) == 1)
        #expect(broker.worker(w1, .final(client: c2, body: [[22]])) == [.sendToClient(c2, final(echo, [[22]]), .rfc18)])
        #expect(broker.idleWorkerCount(for: echo) == 1)
        // Both answered: a third reply for c1 is a violation.
        let actions = broker.worker(w1, .final(client: c1, body: [[3]]))
        #expect(actions.first == .sendToWorker(w1, .disconnect, .rfc18))
        #expect(broker.workerCount(for: echo) == 0)
    }

    @Test("Two requests from one client held by one worker are answered in order")
    func sameClientTwice() {
        var broker = broker(credit: 2)
        _ = broker.worker(w1, .ready(echo))
        _ = broker.client(c1, echo, [[1]], .majortomo)
        _ = broker.client(c1, echo, [[2]], .majortomo)
        #expect(broker.worker(w1, .final(client: c1, body: [[1]])) == [.sendToClient(c1, final(echo, [[1]]), .majortomo)])
        #expect(broker.worker(w1, .final(client: c1, body: [[2]])) == [.sendToClient(c1, final(echo, [[2]]), .majortomo)])
        #expect(broker.idleWorkerCount(for: echo) == 1)
    }

    @Test("A worker holding requests may stay silent up to the busy timeout, then loses them all")
    func expiryWhileHolding() {
        var broker = broker(credit: 4)
        _ = broker.worker(w1, .ready(echo))
        _ = broker.worker(w2, .ready(echo))
        for index in 0..<3 { _ = broker.client(c1, echo, [[UInt8(index)]]) }
        // w1 holds two requests, w2 one; w2 answers and then idles with heartbeats.
        _ = broker.worker(w2, .final(client: c1, body: [[1]]), at: at(0.5))
        _ = broker.worker(w2, .heartbeat, at: at(3))
        _ = broker.worker(w2, .heartbeat, at: at(6))
        _ = broker.worker(w2, .heartbeat, at: at(9))
        #expect(!broker.tick(now: at(9.5)).contains(where: { if case .event(.workerExpired) = $0 { true } else { false } }))
        let actions = broker.tick(now: at(10))
        #expect(actions.contains(.event(.workerExpired(w1, echo, lostRequest: true))))
        #expect(broker.workerCount(for: echo) == 1)
        // The lost requests are not handed out again (as in classic MDP, the client retries);
        // new ones go to the live worker only.
        #expect(broker.queuedRequestCount(for: echo) == 0)
        #expect(requestedWorkers(broker.client(c2, echo, [[9]], at: at(10))) == [w2])
        #expect(requestedWorkers(broker.client(c2, echo, [[9]], at: at(10))) == [w2])
    }

    @Test("A worker that says DISCONNECT while holding requests leaves the line at once; they go to the other")
    func disconnectWhileHolding() {
        var broker = broker(credit: 3)
        _ = broker.worker(w1, .ready(echo))
        _ = broker.worker(w2, .ready(echo))
        _ = broker.client(c1, echo, [[1]])
        #expect(
            broker.worker(w1, .disconnect) == [
                .event(.workerDisconnected(w1, echo, requeued: 1, lostRequest: false)),
                .sendToWorker(w2, .request(client: c1, body: [[1]]), .rfc18),
            ])
        #expect(broker.idleWorkerCount(for: echo) == 1)
        #expect(requestedWorkers(broker.client(c1, echo, [[2]])) == [w2])
        #expect(requestedWorkers(broker.client(c1, echo, [[3]])) == [w2])
        #expect(broker.client(c1, echo, [[4]]) == [])
        #expect(broker.queuedRequestCount(for: echo) == 1)
    }

    @Test("Handing out requests pushes the next HEARTBEAT back, as with one request")
    func heartbeatsWhileHolding() {
        var broker = broker(credit: 2)
        _ = broker.worker(w1, .ready(echo))
        _ = broker.client(c1, echo, [[1]], at: at(0.8))
        #expect(broker.tick(now: at(1)) == [])
        #expect(broker.tick(now: at(1.8)) == [.sendToWorker(w1, .heartbeat, .rfc18)])
    }
}
