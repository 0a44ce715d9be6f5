import Majordomo
import Testing

/// A worker that says DISCONNECT while it holds requests (a worker being stopped sends its replies,
/// then DISCONNECT) hands them back: they go to other workers instead of being lost with it;
/// time moved by hand, no sockets.
@Suite("Broker state machine: DISCONNECT hands requests back")
struct BrokerStateMachineDisconnectTests {
    let echo: ServiceName = "echo"
    let w1: PeerIdentity = "worker-1"
    let w2: PeerIdentity = "worker-2"
    let c1: PeerIdentity = "client-1"
    let c2: PeerIdentity = "client-2"

    func broker(credit: Int) -> BrokerStateMachine<TestInstant> {
        BrokerStateMachine(configuration: BrokerConfiguration(workerCredit: credit))
    }

    /// The bodies of the requests `actions` send to `worker`, in order.
    func requests(to worker: PeerIdentity, in actions: [BrokerAction]) -> [[[UInt8]]] {
        actions.compactMap { action in
            if case .sendToWorker(worker, .request(_, let body), _) = action { body } else { nil }
        }
    }

    @Test("The requests it held go first, oldest first, ahead of those waiting, each to its client in its dialect")
    func heldRequestsGoFirst() {
        var broker = broker(credit: 2)
        _ = broker.worker(w1, .ready(echo))
        _ = broker.client(c1, echo, [[1]], .majortomo)
        _ = broker.client(c2, echo, [[2]])
        _ = broker.client(c1, echo, [[3]], .majortomo)
        #expect(broker.queuedRequestCount(for: echo) == 1)

        #expect(
            broker.worker(w1, .disconnect) == [.event(.workerDisconnected(w1, echo, requeued: 2, lostRequest: false))])
        #expect(broker.queuedRequestCount(for: echo) == 3)
        #expect(requests(to: w2, in: broker.worker(w2, .ready(echo))) == [[[1]], [[2]]])
        // Answered in each client's own dialect; the last request follows the first FINAL.
        let answer = broker.worker(w2, .final(client: c1, body: [[1]]))
        #expect(answer.first == .sendToClient(c1, final(echo, [[1]]), .majortomo))
        #expect(requests(to: w2, in: answer) == [[[3]]])
        #expect(broker.worker(w2, .final(client: c2, body: [[2]])) == [.sendToClient(c2, final(echo, [[2]]), .rfc18)])
    }

    @Test("A request handed back requeueLimit (3) times is dropped the next time")
    func requeueLimit() {
        #expect(BrokerStateMachine<TestInstant>.requeueLimit == 3)
        var broker = broker(credit: 1)
        _ = broker.client(c1, echo, [[1]])
        for round in 0...BrokerStateMachine<TestInstant>.requeueLimit {
            let worker = PeerIdentity(Array("worker-\(round)".utf8))
            #expect(requests(to: worker, in: broker.worker(worker, .ready(echo))) == [[[1]]])
            let handedBack = round < BrokerStateMachine<TestInstant>.requeueLimit
            #expect(
                broker.worker(worker, .disconnect) == [
                    .event(.workerDisconnected(worker, echo, requeued: handedBack ? 1 : 0, lostRequest: !handedBack))
                ])
        }
        #expect(broker.queuedRequestCount(for: echo) == 0)
    }

    @Test("A request the client has a PARTIAL for is not started afresh elsewhere")
    func answeredInPartIsLost() {
        var broker = broker(credit: 2)
        _ = broker.worker(w1, .ready(echo))
        _ = broker.client(c1, echo, [[1]])
        _ = broker.client(c2, echo, [[2]])
        _ = broker.worker(w1, .partial(client: c1, body: [[0]]))
        #expect(
            broker.worker(w1, .disconnect) == [.event(.workerDisconnected(w1, echo, requeued: 1, lostRequest: true))])
        #expect(requests(to: w2, in: broker.worker(w2, .ready(echo))) == [[[2]]])
    }

    @Test("An idle worker's DISCONNECT hands back nothing")
    func idleWorker() {
        var broker = broker(credit: 4)
        _ = broker.worker(w1, .ready(echo))
        #expect(
            broker.worker(w1, .disconnect) == [.event(.workerDisconnected(w1, echo, requeued: 0, lostRequest: false))])
        #expect(broker.queuedRequestCount(for: echo) == 0)
        #expect(broker.workerCount(for: echo) == 0)
    }
}
