import Majordomo
import Testing

/// A worker whose connection libzmq reports gone at send time is dropped at once, and the
/// requests that were being sent to it go to other workers; time moved by hand, no sockets.
@Suite("Broker state machine: unreachable workers")
struct BrokerStateMachineUnreachableTests {
    let echo: ServiceName = "echo"
    let w1: PeerIdentity = "worker-1"
    let w2: PeerIdentity = "worker-2"
    let c1: PeerIdentity = "client-1"
    let c2: PeerIdentity = "client-2"

    func broker(credit: Int = 1) -> BrokerStateMachine<TestInstant> {
        BrokerStateMachine(
            configuration: BrokerConfiguration(
                heartbeatInterval: .seconds(1), heartbeatLiveness: 3, busyWorkerTimeout: .seconds(300),
                workerCredit: credit))
    }

    func unreachable(
        _ broker: inout BrokerStateMachine<TestInstant>, _ worker: PeerIdentity,
        undelivered: [(client: PeerIdentity, body: [[UInt8]])] = []
    ) -> (known: Bool, actions: [BrokerAction]) {
        var actions: [BrokerAction] = []
        let known = broker.workerUnreachable(worker, undelivered: undelivered, now: .zero, into: &actions)
        return (known, actions)
    }

    @Test("The request being sent goes to the next worker, in the client's own dialect")
    func undeliveredRequestGoesElsewhere() {
        var broker = broker()
        _ = broker.worker(w1, .ready(echo))
        _ = broker.worker(w2, .ready(echo), .majortomo)
        #expect(broker.client(c1, echo, [[7]], .majortomo) == [.sendToWorker(w1, .request(client: c1, body: [[7]]), .rfc18)])

        let (known, actions) = unreachable(&broker, w1, undelivered: [(c1, [[7]])])
        #expect(known)
        #expect(
            actions == [
                .event(.workerUnreachable(w1, echo, requeued: 1, lostRequest: false)),
                .sendToWorker(w2, .request(client: c1, body: [[7]]), .majortomo),
            ])
        #expect(broker.workerIdentities == [w2])
        // The reply reaches the client in the dialect it spoke.
        #expect(broker.worker(w2, .final(client: c1, body: [[7]]), .majortomo) == [.sendToClient(c1, final(echo, [[7]]), .majortomo)])
    }

    @Test("With no other worker the undelivered requests wait at the front of the queue, in order")
    func undeliveredRequestsWaitFirst() {
        var broker = broker(credit: 3)
        _ = broker.worker(w1, .ready(echo))
        _ = broker.client(c1, echo, [[1]])
        _ = broker.client(c2, echo, [[2]])
        _ = broker.client(c1, echo, [[3]])
        _ = broker.client(c2, echo, [[4]])
        #expect(broker.queuedRequestCount(for: echo) == 1)

        // [1] reached the worker in an earlier batch; [2] and [3] were being sent when it went.
        let (_, actions) = unreachable(&broker, w1, undelivered: [(c2, [[2]]), (c1, [[3]])])
        #expect(actions == [.event(.workerUnreachable(w1, echo, requeued: 2, lostRequest: true))])
        #expect(broker.queuedRequestCount(for: echo) == 3)

        let requests = broker.worker(w2, .ready(echo)).compactMap { action -> [[UInt8]]? in
            if case .sendToWorker(w2, .request(_, let body), _) = action { body } else { nil }
        }
        #expect(requests == [[[2]], [[3]], [[4]]])
    }

    @Test("A heartbeat that cannot be sent removes the worker at once, busy or not")
    func heartbeatFailure() {
        var broker = broker()
        _ = broker.worker(w1, .ready(echo))
        _ = broker.client(c1, echo, [[1]])
        let (known, actions) = unreachable(&broker, w1)
        #expect(known)
        #expect(actions == [.event(.workerUnreachable(w1, echo, requeued: 0, lostRequest: true))])
        #expect(broker.workerCount(for: echo) == 0)
        #expect(broker.tick(now: TestInstant(offset: .seconds(400))).isEmpty)
    }

    @Test("A worker already gone is not known; nothing changes")
    func unknownWorker() {
        var broker = broker()
        _ = broker.worker(w2, .ready(echo))
        let (known, actions) = unreachable(&broker, w1, undelivered: [(c1, [[1]])])
        #expect(!known)
        #expect(actions.isEmpty)
        #expect(broker.workerIdentities == [w2])
        #expect(broker.queuedRequestCount(for: echo) == 0)
    }
}
