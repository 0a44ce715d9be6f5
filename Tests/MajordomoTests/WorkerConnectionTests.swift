import Logging
import Majordomo
import NewsbusTestSupport
import Testing
import ZeroMQ

/// WorkerConnection against a scripted stand-in broker: every frame it sends, and how it
/// reacts to requests, DISCONNECT, silence and garbage.
@Suite("Worker connection")
struct WorkerConnectionTests {
    static let header = Array("MDPW02".utf8)
    static let client = Array("client-1".utf8)
    static let logger = Logger(label: "newsbus.test.worker")

    /// The MDP frames of a message the router received (routing id removed).
    static func command(_ message: [[UInt8]]) -> [[UInt8]] {
        Array(message.dropFirst())
    }

    /// Messages other than HEARTBEAT, which may come at any time.
    static func meaningful(_ messages: [[[UInt8]]], dialect: Dialect) -> [[[UInt8]]] {
        let lead = dialect == .majortomo ? 1 : 0
        return messages.map(command).filter { $0.count <= lead + 1 || $0[lead + 1] != [0x05] }
    }

    static func request(to identity: [UInt8], dialect: Dialect, body: [[UInt8]]) -> [[UInt8]] {
        [identity] + (dialect == .majortomo ? [[]] : []) + [header, [0x02], client, []] + body
    }

    static func worker(
        _ context: Context, _ endpoint: String, dialect: Dialect = .rfc18, interval: Duration = .milliseconds(2500),
        handler: @escaping WorkerHandler
    ) -> WorkerConnection {
        let configuration = WorkerConfiguration(
            brokerEndpoint: endpoint, service: "echo", heartbeatInterval: interval, reconnectDelay: interval,
            dialect: dialect)
        return WorkerConnection(context: context, configuration: configuration, logger: logger, handler: handler)
    }

    @Test("READY, then PARTIAL and FINAL for a REQUEST, frame for frame", arguments: Dialect.allCases)
    func readyRequestReply(dialect: Dialect) throws {
        let lead: [[UInt8]] = dialect == .majortomo ? [[]] : []
        let router = try ScriptedRouter { frames, number in
            number == 0 ? [Self.request(to: frames[0], dialect: dialect, body: [[1, 2, 3], []])] : []
        }
        defer { router.stop() }
        let context = try Context()
        let worker = Self.worker(context, router.endpoint, dialect: dialect) { body, partial in
            partial([Array("part".utf8)])
            return body.reversed()
        }
        defer { worker.stop() }

        #expect(router.received.wait(within: .seconds(30)) { Self.meaningful($0, dialect: dialect).count >= 3 })
        let messages = Self.meaningful(router.received.value, dialect: dialect)
        #expect(messages.first == lead + [Self.header, [0x01], Array("echo".utf8)])
        #expect(messages.dropFirst().first == lead + [Self.header, [0x03], Self.client, [], Array("part".utf8)])
        #expect(messages.dropFirst(2).first == lead + [Self.header, [0x04], Self.client, [], [], [1, 2, 3]])
    }

    @Test("A throwing handler is answered with a 500 failure reply and the worker keeps serving")
    func handlerFailure() throws {
        struct Boom: Error, CustomStringConvertible {
            var description: String { "boom" }
        }
        let router = try ScriptedRouter { frames, number in
            number == 0
                ? [
                    Self.request(to: frames[0], dialect: .rfc18, body: [Array("fail".utf8)]),
                    Self.request(to: frames[0], dialect: .rfc18, body: [Array("fine".utf8)]),
                ] : []
        }
        defer { router.stop() }
        let context = try Context()
        let worker = Self.worker(context, router.endpoint) { body, _ in
            if body == [Array("fail".utf8)] { throw Boom() }
            return body
        }
        defer { worker.stop() }

        #expect(router.received.wait(within: .seconds(30)) { Self.meaningful($0, dialect: .rfc18).count >= 3 })
        let finals = Self.meaningful(router.received.value, dialect: .rfc18).dropFirst().map { Array($0.dropFirst(4)) }
        #expect(finals.first.flatMap(WorkerFailure.reason(in:))?.contains("boom") == true)
        #expect(finals.dropFirst().first == [Array("fine".utf8)])
        #expect(!worker.isStopped)
    }

    @Test("A batch handler answers every waiting REQUEST in order, a failed one with a 500 reply")
    func batchHandler() throws {
        let bodies = ["one", "fail", "three"].map { [Array($0.utf8)] }
        let router = try ScriptedRouter { frames, number in
            number == 0 ? bodies.map { Self.request(to: frames[0], dialect: .rfc18, body: $0) } : []
        }
        defer { router.stop() }
        let context = try Context()
        let configuration = WorkerConfiguration(brokerEndpoint: router.endpoint, service: "echo")
        let batchSizes = Observed<[Int]>([])
        let worker = WorkerConnection(context: context, configuration: configuration, logger: Self.logger) { batch in
            batchSizes.update { $0.append(batch.count) }
            return batch.map { body in
                body == [Array("fail".utf8)] ? .failure(WorkerFailureProbe()) : .success(body.reversed() + [[0x21]])
            }
        }
        defer { worker.stop() }

        #expect(router.received.wait(within: .seconds(30)) { Self.meaningful($0, dialect: .rfc18).count >= 4 })
        let finals = Self.meaningful(router.received.value, dialect: .rfc18).dropFirst().map { Array($0.dropFirst(4)) }
        #expect(finals.count == 3)
        #expect(finals.first == [Array("one".utf8), [0x21]])
        #expect(finals.dropFirst().first.flatMap(WorkerFailure.reason(in:))?.contains("probe") == true)
        #expect(finals.last == [Array("three".utf8), [0x21]])
        #expect(batchSizes.value.reduce(0, +) == 3, "every request in exactly one batch")
        #expect(!worker.isStopped)
    }

    private struct WorkerFailureProbe: Error, CustomStringConvertible {
        var description: String { "probe" }
    }

    @Test("DISCONNECT from the broker makes the worker reconnect with a new socket and say READY again")
    func disconnectFromBroker() throws {
        let router = try ScriptedRouter { frames, number in
            number == 0 ? [[frames[0], Self.header, [0x06]]] : []
        }
        defer { router.stop() }
        let context = try Context()
        let worker = Self.worker(context, router.endpoint) { body, _ in body }
        defer { worker.stop() }

        let readies = { (messages: [[[UInt8]]]) in
            messages.filter { message in message.count > 2 && message[2] == [0x01] }
        }
        #expect(router.received.wait(within: .seconds(30)) { readies($0).count >= 2 })
        let identities = readies(router.received.value).map { $0[0] }
        #expect(identities.count >= 2 && identities[0] != identities[1], "the second READY comes from a new socket")
    }

    @Test("A silent broker gets heartbeats, then the worker gives up on it and reconnects")
    func silentBroker() throws {
        let router = try ScriptedRouter { _, _ in [] }
        defer { router.stop() }
        let context = try Context()
        let worker = Self.worker(context, router.endpoint, interval: .milliseconds(20)) { body, _ in body }
        defer { worker.stop() }

        let commands = { (messages: [[[UInt8]]]) in messages.map { $0.count > 2 ? $0[2] : [] } }
        #expect(router.received.wait(within: .seconds(30)) { commands($0).filter { $0 == [0x01] }.count >= 2 })
        let seen = commands(router.received.value)
        let firstReady = try #require(seen.firstIndex(of: [0x01]))
        let secondReady = try #require(seen[(firstReady + 1)...].firstIndex(of: [0x01]))
        #expect(seen[firstReady..<secondReady].contains([0x05]), "heartbeats go out before the worker gives up")
        #expect(router.received.value[firstReady][0] != router.received.value[secondReady][0])
    }

    @Test("stop() says DISCONNECT last and ends the thread")
    func stop() throws {
        let router = try ScriptedRouter { _, _ in [] }
        defer { router.stop() }
        let context = try Context()
        let worker = Self.worker(context, router.endpoint) { body, _ in body }
        #expect(router.received.wait(within: .seconds(30)) { !$0.isEmpty })
        worker.stop()
        #expect(worker.isStopped)
        #expect(router.received.wait(within: .seconds(30)) { $0.last.map(Self.command) == [Self.header, [0x06]] })
        worker.stop()
    }

    @Test("Malformed messages from the broker are dropped and the worker keeps serving")
    func malformedInput() throws {
        let router = try ScriptedRouter { frames, number in
            number == 0
                ? [
                    [frames[0], Array("junk".utf8)], [frames[0], Self.header, [0x09]],
                    [frames[0], Self.header, [0x02]],
                    Self.request(to: frames[0], dialect: .rfc18, body: [[42]]),
                ] : []
        }
        defer { router.stop() }
        let context = try Context()
        let worker = Self.worker(context, router.endpoint) { body, _ in body }
        defer { worker.stop() }

        #expect(router.received.wait(within: .seconds(30)) { Self.meaningful($0, dialect: .rfc18).count >= 2 })
        #expect(
            Self.meaningful(router.received.value, dialect: .rfc18)[1] == [Self.header, [0x04], Self.client, [], [42]])
    }
}

/// WorkerConnection and ClientConnection across a broker restart on the same endpoint.
@Suite("Worker connection across broker restarts")
struct WorkerBrokerRestartTests {
    @Test("After the broker restarts, the worker is back in service and requests are answered again")
    func brokerRestart() async throws {
        let context = try Context()
        let (first, endpoint) = try Interop.ourBroker(context: context)
        let workers = EchoWorkers(count: 1, context: context, brokerEndpoint: endpoint)
        defer { workers.stop() }
        let client = ClientConnection(
            context: context, configuration: ClientConfiguration(brokerEndpoint: endpoint),
            logger: Logger(label: "newsbus.test.client"))
        defer { client.close() }
        #expect(try await client.request(service: "echo", body: [[1]], timeout: .seconds(30)) == [[1]])

        first.stop()
        // The old listener is released in the background; bind again until the port is free.
        let second = Observed<Broker?>(nil)
        defer { second.value?.stop() }
        let rebound = await eventually(within: .seconds(60)) {
            let broker = Broker(
                configuration: BrokerConfiguration(bindEndpoints: [endpoint]), context: context,
                logger: Logger(label: "newsbus.test.broker"))
            guard (try? broker.start()) != nil else { return false }
            second.update { $0 = broker }
            return true
        }
        try #require(rebound, "could not bind \(endpoint) again within 30 s")
        // A request written into a connection the old broker accepted but never read is lost (MDP
        // has no retransmission), so ask again with short timeouts, as a real client would.
        #expect(
            await eventually(within: .seconds(60)) {
                (try? await client.request(service: "echo", body: [[2]], timeout: .seconds(3))) == [[2]]
            })
        #expect(!workers.connections[0].isStopped)
    }
}
