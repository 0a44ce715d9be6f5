import Majordomo
import Testing

/// The broker's rules, step by step, with manual time and no sockets.
@Suite("Broker state machine: requests and replies")
struct BrokerStateMachineTests {
    let echo: ServiceName = "echo"
    let w1: PeerIdentity = "worker-1"
    let w2: PeerIdentity = "worker-2"
    let c1: PeerIdentity = "client-1"
    let c2: PeerIdentity = "client-2"
    var broker = BrokerStateMachine<TestInstant>(configuration: BrokerConfiguration())

    @Test("READY registers an idle worker; a request goes straight to it")
    mutating func readyThenRequest() {
        #expect(broker.worker(w1, .ready(echo)) == [.event(.workerReady(w1, echo))])
        #expect(broker.idleWorkerCount(for: echo) == 1)
        #expect(broker.client(c1, echo, [.text("hi")]) == [.sendToWorker(w1, .request(client: c1, body: [.text("hi")]), .rfc18)])
        #expect(broker.idleWorkerCount(for: echo) == 0)
        #expect(broker.workerCount(for: echo) == 1)
    }

    @Test("A request waits while no worker is free and goes to the next worker that is")
    mutating func queueing() {
        #expect(broker.client(c1, echo, [.text("first")]) == [])
        #expect(broker.client(c2, echo, [.text("second")]) == [])
        #expect(broker.queuedRequestCount(for: echo) == 2)
        #expect(
            broker.worker(w1, .ready(echo))
                == [.event(.workerReady(w1, echo)), .sendToWorker(w1, .request(client: c1, body: [.text("first")]), .rfc18)])
        #expect(
            broker.worker(w1, .final(client: c1, body: [.text("1")]))
                == [
                    .sendToClient(c1, final(echo, [.text("1")]), .rfc18),
                    .sendToWorker(w1, .request(client: c2, body: [.text("second")]), .rfc18),
                ])
        #expect(broker.queuedRequestCount(for: echo) == 0)
    }

    @Test("PARTIAL goes to the client and the worker stays busy; FINAL frees it")
    mutating func partialThenFinal() {
        _ = broker.worker(w1, .ready(echo))
        _ = broker.client(c1, echo, [[1]])
        #expect(broker.worker(w1, .partial(client: c1, body: [[2]])) == [.sendToClient(c1, ClientReply(kind: .partial, service: echo, body: [[2]]), .rfc18)])
        #expect(broker.idleWorkerCount(for: echo) == 0)
        #expect(broker.worker(w1, .final(client: c1, body: [[3]])) == [.sendToClient(c1, final(echo, [[3]]), .rfc18)])
        #expect(broker.idleWorkerCount(for: echo) == 1)
    }

    @Test("Each peer is answered in its own dialect, frame for frame")
    mutating func dialects() throws {
        _ = broker.worker(w1, .ready(echo), .majortomo)
        let toWorker = broker.client(c1, echo, [.text("x")], .rfc18)
        #expect(toWorker.map(\.routerFrames) == [[w1.bytes, [], .text("MDPW02"), [0x02], c1.bytes, [], .text("x")]])
        let toClient = broker.worker(w1, .final(client: c1, body: [.text("y")]), .majortomo)
        #expect(toClient.map(\.routerFrames) == [[c1.bytes, .text("MDPC02"), [0x03], .text("echo"), .text("y")]])

        _ = broker.client(c2, echo, [.text("x")], .majortomo)
        let toMajortomoClient = broker.worker(w1, .final(client: c2, body: [.text("z")]))
        #expect(toMajortomoClient.map(\.routerFrames) == [[c2.bytes, [], .text("MDPC02"), [0x04], .text("z")]])
    }

    @Test("The longest-idle worker gets the next request")
    mutating func leastRecentlyUsed() {
        _ = broker.worker(w1, .ready(echo))
        _ = broker.worker(w2, .ready(echo))
        #expect(broker.client(c1, echo, [[1]]) == [.sendToWorker(w1, .request(client: c1, body: [[1]]), .rfc18)])
        _ = broker.worker(w1, .final(client: c1, body: [[1]]))
        #expect(broker.client(c1, echo, [[2]]) == [.sendToWorker(w2, .request(client: c1, body: [[2]]), .rfc18)])
    }

    @Test("Past the queue limit the client gets a 503 error reply at once")
    mutating func queueLimit() throws {
        broker = BrokerStateMachine(configuration: BrokerConfiguration(queueLimit: 2))
        _ = broker.client(c1, echo, [[1]])
        _ = broker.client(c1, echo, [[2]])
        let actions = broker.client(c2, echo, [[3]])
        #expect(actions.count == 2)
        guard case .sendToClient(c2, let reply, .rfc18) = actions.first else {
            Issue.record("expected an error reply to client-2, got \(actions)")
            return
        }
        #expect(reply.kind == .final)
        let error = try #require(BrokerErrorReply(body: reply.body))
        #expect(error.status == .unavailable)
        #expect(error.reason.contains("queue for 'echo' is full"))
        #expect(actions.last == .event(.queueFull(echo, client: c2)))
        #expect(broker.queuedRequestCount(for: echo) == 2)
    }

    @Test("A request for a new service past the service limit gets a 503; known services still queue")
    mutating func serviceLimit() {
        broker = BrokerStateMachine(configuration: BrokerConfiguration(serviceLimit: 1))
        #expect(broker.client(c1, echo, [[1]]) == [])
        let actions = broker.client(c1, "made-up", [[2]])
        guard case .sendToClient(c1, let reply, .rfc18) = actions.first else {
            Issue.record("expected an error reply, got \(actions)")
            return
        }
        #expect(BrokerErrorReply(body: reply.body)?.status == .unavailable)
        #expect(broker.client(c2, echo, [[3]]) == [])
        #expect(broker.queuedRequestCount(for: echo) == 2)
    }

    @Test("A request refused by a full queue leaves no trace of a service nobody serves")
    mutating func refusedRequestForgetsNewService() throws {
        broker = BrokerStateMachine(configuration: BrokerConfiguration(queueLimit: 0, serviceLimit: 1))
        let first = broker.client(c1, "made-up", [[1]])
        #expect(first.last == .event(.queueFull("made-up", client: c1)))
        #expect(broker.serviceDirectory.isEmpty)
        // The refused service did not take the only slot: another new name is refused for its
        // full queue, not for the service limit.
        let second = broker.client(c1, echo, [[2]])
        guard case .sendToClient(c1, let reply, .rfc18) = second.first else {
            Issue.record("expected an error reply, got \(second)")
            return
        }
        let error = try #require(BrokerErrorReply(body: reply.body))
        #expect(error.reason.contains("queue for 'echo' is full"))
        #expect(broker.serviceDirectory.isEmpty)
    }

    @Test("mmi.service answers 200 for a served service, 404 otherwise; other mmi.* 501")
    mutating func management() {
        let discovery: ServiceName = "mmi.service"
        _ = broker.worker(w1, .ready(echo))
        #expect(broker.client(c1, discovery, [.text("echo")]) == [.sendToClient(c1, final(discovery, [.text("200")]), .rfc18)])
        #expect(broker.client(c1, discovery, [.text("nope")]) == [.sendToClient(c1, final(discovery, [.text("404")]), .rfc18)])
        #expect(broker.client(c1, discovery, []) == [.sendToClient(c1, final(discovery, [.text("404")]), .rfc18)])
        #expect(broker.client(c1, "mmi.frobnicate", [.text("echo")]) == [.sendToClient(c1, final("mmi.frobnicate", [.text("501")]), .rfc18)])
        #expect(
            broker.client(c2, discovery, [.text("echo")], .majortomo).map(\.routerFrames)
                == [[c2.bytes, [], .text("MDPC02"), [0x04], .text("200")]])
    }

    @Test("A busy worker's DISCONNECT drops it and hands its request back, to wait for another worker")
    mutating func workerDisconnects() {
        _ = broker.worker(w1, .ready(echo))
        _ = broker.client(c1, echo, [[1]])
        #expect(broker.worker(w1, .disconnect) == [.event(.workerDisconnected(w1, echo, requeued: 1, lostRequest: false))])
        #expect(broker.workerCount(for: echo) == 0)
        #expect(broker.client(c2, echo, [[2]]) == [])
        #expect(broker.queuedRequestCount(for: echo) == 2)
        #expect(broker.worker(w2, .ready(echo)).contains(.sendToWorker(w2, .request(client: c1, body: [[1]]), .rfc18)))
    }

    @Test("Shutdown sends DISCONNECT to every worker and 503 to every waiting client")
    mutating func shutdown() throws {
        _ = broker.worker(w1, .ready(echo), .majortomo)
        _ = broker.client(c1, echo, [[1]])
        _ = broker.client(c2, "other", [[2]])
        let actions = broker.shutdown()
        #expect(actions.first == .sendToWorker(w1, .disconnect, .majortomo))
        guard case .sendToClient(c2, let reply, .rfc18) = actions.last else {
            Issue.record("expected a 503 to client-2, got \(actions)")
            return
        }
        #expect(BrokerErrorReply(body: reply.body)?.status == .unavailable)
        #expect(broker.workerIdentities.isEmpty)
    }
}
