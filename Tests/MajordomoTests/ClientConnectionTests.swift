import Logging
import Majordomo
import NewsbusTestSupport
import Synchronization
import Testing
import ZeroMQ

/// ClientConnection through our broker and against a scripted stand-in broker.
@Suite("Client connection")
struct ClientConnectionTests {
    static let header = Array("MDPC02".utf8)
    static let logger = Logger(label: "newsbus.test.client")

    static func client(_ context: Context, _ endpoint: String, dialect: Dialect = .rfc18) -> ClientConnection {
        ClientConnection(
            context: context, configuration: ClientConfiguration(brokerEndpoint: endpoint, dialect: dialect),
            logger: logger)
    }

    /// An RFC 18 reply from the scripted router to the client that sent `request`.
    static func reply(to request: [[UInt8]], _ code: UInt8, _ body: [[UInt8]]) -> [[UInt8]] {
        [request[0], header, [code], request[3]] + body
    }

    @Test("with an onReplies handler every unclaimed reply goes to the handler once, none to the replies stream")
    func replyHandler() async throws {
        let context = try Context()
        let (broker, endpoint) = try Interop.ourBroker(context: context)
        defer { broker.stop() }
        let workers = EchoWorkers(count: 1, context: context, brokerEndpoint: endpoint)
        defer { workers.stop() }
        let handled = Mutex<[[[UInt8]]]>([])
        let client = ClientConnection(
            context: context, configuration: ClientConfiguration(brokerEndpoint: endpoint), logger: Self.logger
        ) { replies in
            handled.withLock { $0 += replies.map(\.body) }
        }
        let bodies = Interop.randomBodies(count: 50, seed: 43)
        for body in bodies {
            try client.send(service: "echo", body: body)
        }
        #expect(await eventually(within: .seconds(60)) { handled.withLock { $0.count } >= bodies.count })
        #expect(handled.withLock { $0 }.count == bodies.count)
        #expect(Set(handled.withLock { $0 }) == Set(bodies))
        client.close()
        var streamed = 0
        for await _ in client.replies { streamed += 1 }
        #expect(streamed == 0)
    }

    @Test("a burst of requests far past libzmq's default send queue (1,000) loses none of them")
    func burstLosesNothing() async throws {
        let context = try Context()
        let (broker, endpoint) = try Interop.ourBroker(context: context)
        defer { broker.stop() }
        let workers = EchoWorkers(count: 2, context: context, brokerEndpoint: endpoint)
        defer { workers.stop() }
        let received = Observed(0)
        let client = ClientConnection(
            context: context, configuration: ClientConfiguration(brokerEndpoint: endpoint), logger: Self.logger
        ) { replies in
            received.update { $0 += replies.count }
        }
        defer { client.close() }
        // What an aggregator with a window of 5,000 sends at the start of a big job.
        let count = 5000
        let body = [[UInt8](repeating: 7, count: 1 << 10)]
        for _ in 0..<count {
            try client.send(service: "echo", body: body)
        }
        #expect(await eventually(within: .seconds(60)) { received.value == count })
    }

    @Test("a client whose loop is busy for a while still gets every reply: the broker never has to drop any")
    func busyLoopLosesNothing() async throws {
        let context = try Context()
        let logs = Observed<[LogRecord]>([])
        let broker = Broker(
            configuration: BrokerConfiguration(bindEndpoints: ["tcp://127.0.0.1:0"], peerQueueLimit: 10),
            context: context, logger: Logger(label: "test.broker") { _ in CapturingLogHandler(records: logs) })
        let endpoint = try broker.start()[0]
        defer { broker.stop() }
        // 4,000 replies of 8 KB (32 MB): more than libzmq's default inbound bound (1,000
        // messages), the loopback socket buffers and the broker's queue (10) hold together.
        let count = 4000
        let handled = Observed(0)
        let received = Observed(0)
        let client = ClientConnection(
            context: context, configuration: ClientConfiguration(brokerEndpoint: endpoint), logger: Self.logger
        ) { replies in
            // The first batch holds the loop (as a slow aggregator step would) until the worker
            // has answered everything, so every reply has left the broker meanwhile.
            if received.value == 0 { _ = handled.wait(within: .seconds(60)) { $0 == count } }
            received.update { $0 += replies.count }
        }
        defer { client.close() }
        let body = [[UInt8](repeating: 7, count: 8 << 10)]
        for _ in 0..<count {
            try client.send(service: "echo", body: body)
        }
        // Answered after every request before it on the same connection: all are queued now.
        _ = try await client.request(service: ManagementDirectory.servicesService, body: [], timeout: .seconds(30))
        let worker = WorkerConnection(
            context: context, configuration: WorkerConfiguration(brokerEndpoint: endpoint, service: "echo"),
            logger: Self.logger
        ) { body in
            handled.update { $0 += 1 }
            return body
        }
        defer { worker.stop() }
        #expect(await eventually(within: .seconds(60)) { received.value == count })
        #expect(!logs.value.contains { $0.message.hasPrefix("message dropped") })
    }

    @Test(
        "500 requests in flight through our broker and two workers all come back, byte for byte",
        arguments: Dialect.allCases)
    func manyInFlight(dialect: Dialect) async throws {
        let context = try Context()
        let (broker, endpoint) = try Interop.ourBroker(context: context)
        defer { broker.stop() }
        let workers = EchoWorkers(count: 2, context: context, brokerEndpoint: endpoint)
        defer { workers.stop() }
        let client = Self.client(context, endpoint, dialect: dialect)
        defer { client.close() }

        let bodies = Interop.randomBodies(count: 500, seed: 41)
        for body in bodies {
            try client.send(service: "echo", body: body)
        }
        var unanswered = Set(bodies.indices)
        for reply in try await collect(bodies.count, from: client.replies, within: .seconds(60)) {
            let index = try #require(Interop.index(of: reply.body))
            #expect(reply.body == bodies[index])
            #expect(reply.service == (dialect == .rfc18 ? "echo" : nil))
            unanswered.remove(index)
        }
        #expect(unanswered.isEmpty)
    }

    @Test(
        "request() through our broker returns the worker's answer; mmi.service knows the service",
        arguments: Dialect.allCases)
    func requestThroughBroker(dialect: Dialect) async throws {
        let context = try Context()
        let (broker, endpoint) = try Interop.ourBroker(context: context)
        defer { broker.stop() }
        let workers = EchoWorkers(count: 1, context: context, brokerEndpoint: endpoint, dialect: dialect)
        defer { workers.stop() }
        let client = Self.client(context, endpoint, dialect: dialect)
        defer { client.close() }

        #expect(try await client.request(service: "echo", body: [[1], [], [2, 3]]) == [[1], [], [2, 3]])
        #expect(try await client.isServiceAvailable("echo"))
        #expect(try await !client.isServiceAvailable("nobody"))
    }

    @Test("PARTIAL replies are gathered before the FINAL one")
    func partialReplies() async throws {
        let router = try ScriptedRouter { request, _ in
            [
                Self.reply(to: request, 0x02, [[1]]), Self.reply(to: request, 0x02, [[2]]),
                Self.reply(to: request, 0x03, [[3]]),
            ]
        }
        defer { router.stop() }
        let context = try Context()
        let client = Self.client(context, router.endpoint)
        defer { client.close() }
        #expect(try await client.request(service: "svc", body: [[0]]) == [[1], [2], [3]])
    }

    @Test("A request with no answer times out with an error that says what to check")
    func timeout() async throws {
        let router = try ScriptedRouter { _, _ in [] }
        defer { router.stop() }
        let context = try Context()
        let client = Self.client(context, router.endpoint)
        defer { client.close() }
        do {
            _ = try await client.request(service: "newsbus.jobs", body: [[0]], timeout: .milliseconds(200))
            Issue.record("expected a timeout")
        } catch let error as ClientConnectionError {
            #expect(error == .timedOut(service: "newsbus.jobs", timeout: .milliseconds(200), broker: router.endpoint))
            #expect("\(error)".contains("no reply from 'newsbus.jobs' within 200 ms"))
            #expect("\(error)".contains(router.endpoint))
        }
    }

    @Test("After a timeout a late reply cannot answer the next request")
    func lateReplyDropped() async throws {
        // Request 0 is never answered; request 1 is, on the new socket.
        let router = try ScriptedRouter { request, number in
            number == 1 ? [Self.reply(to: request, 0x03, [Array("fresh".utf8)])] : []
        }
        defer { router.stop() }
        let context = try Context()
        let client = Self.client(context, router.endpoint)
        defer { client.close() }
        await #expect(throws: ClientConnectionError.self) {
            try await client.request(service: "svc", body: [Array("old".utf8)], timeout: .milliseconds(100))
        }
        let stale = router.waitForMessages(1)[0]
        #expect(try await client.request(service: "svc", body: [Array("new".utf8)]) == [Array("fresh".utf8)])
        #expect(router.received.value.count == 2 && router.received.value[1][0] != stale[0], "a new socket asked again")
    }

    @Test("The broker's error replies and a worker's failure reply become errors")
    func errorReplies() async throws {
        let router = try ScriptedRouter { request, _ in
            request.last == [1]
                ? [Self.reply(to: request, 0x03, BrokerErrorReply(status: .unavailable, reason: "queue full").body)]
                : [Self.reply(to: request, 0x03, [Array("500".utf8), Array("boom".utf8)])]
        }
        defer { router.stop() }
        let context = try Context()
        let client = Self.client(context, router.endpoint)
        defer { client.close() }
        await #expect(
            throws: ClientConnectionError.refusedByBroker(
                service: "svc", BrokerErrorReply(status: .unavailable, reason: "queue full"))
        ) {
            try await client.request(service: "svc", body: [[1]])
        }
        await #expect(throws: ClientConnectionError.workerFailed(service: "svc", reason: "boom")) {
            try await client.request(service: "svc", body: [[2]])
        }
    }

    @Test("close() fails a waiting request, finishes the replies stream and refuses new requests")
    func close() async throws {
        let router = try ScriptedRouter { _, _ in [] }
        defer { router.stop() }
        let context = try Context()
        let client = Self.client(context, router.endpoint)
        let waiting = Task { try await client.request(service: "svc", body: [[0]], timeout: .seconds(30)) }
        #expect(await eventually(within: .seconds(60)) { !router.received.value.isEmpty })
        client.close()
        await #expect(throws: ClientConnectionError.closed(broker: router.endpoint)) { try await waiting.value }
        for await _ in client.replies {}
        #expect(throws: ClientConnectionError.closed(broker: router.endpoint)) {
            try client.send(service: "svc", body: [])
        }
        await #expect(throws: ClientConnectionError.closed(broker: router.endpoint)) {
            try await client.request(service: "svc", body: [])
        }
    }

    @Test("Cancelling a request() ends its wait, and its late reply does not answer the next request")
    func cancellation() async throws {
        let seen = Observed<[[[UInt8]]]>([])
        let router = try ScriptedRouter { request, number in
            seen.update { $0.append(request) }
            guard number == 1 else { return [] }
            let first = seen.value[0]
            return [
                Self.reply(to: first, 0x03, [Array("stale".utf8)]),
                Self.reply(to: request, 0x03, [Array("fresh".utf8)]),
            ]
        }
        defer { router.stop() }
        let context = try Context()
        let client = Self.client(context, router.endpoint)
        defer { client.close() }
        let waiting = Task { try await client.request(service: "svc", body: [[1]], timeout: .seconds(30)) }
        #expect(await eventually(within: .seconds(60)) { !router.received.value.isEmpty })
        waiting.cancel()
        await #expect(throws: CancellationError.self) { try await waiting.value }
        #expect(try await client.request(service: "svc", body: [[2]]) == [Array("fresh".utf8)])
    }
}
