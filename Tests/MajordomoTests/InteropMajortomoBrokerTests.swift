import Foundation
import Logging
import Majordomo
import NewsbusTestSupport
import Testing
import ZeroMQ

/// Our client and worker talking through the majortomo (Python, PyPI) broker, in its dialect.
@Suite("Interop: our client and worker through the majortomo broker")
struct InteropMajortomoBrokerTests {
    @Test("our client -> majortomo broker -> our worker: 200 echoes in flight at once, byte for byte")
    func manyInFlight() async throws {
        let context = try Context()
        let broker = try Interop.python("broker")
        defer { broker.kill() }
        let endpoint = try await broker.line(startingWith: "ENDPOINT ", within: Interop.patience)
        let workers = EchoWorkers(count: 2, context: context, brokerEndpoint: endpoint, dialect: .majortomo)
        defer { workers.stop() }
        let client = ClientConnection(
            context: context, configuration: ClientConfiguration(brokerEndpoint: endpoint, dialect: .majortomo),
            logger: Logger(label: "newsbus.test.client"))
        defer { client.close() }

        let bodies = Interop.randomBodies(count: 200, seed: 31)
        for body in bodies {
            try client.send(service: "echo", body: body)
        }
        var unanswered = Set(bodies.indices)
        for reply in try await collect(bodies.count, from: client.replies, within: Interop.patience) {
            let index = try #require(Interop.index(of: reply.body), "reply without an index frame")
            #expect(reply.kind == .final)
            #expect(reply.body == bodies[index], "reply \(index) differs from its request")
            #expect(unanswered.remove(index) != nil, "reply \(index) came twice")
        }
        #expect(unanswered.isEmpty)
    }

    @Test("our client's request() -> majortomo broker -> our worker: 50 round trips, byte for byte")
    func oneAtATime() async throws {
        let context = try Context()
        let broker = try Interop.python("broker")
        defer { broker.kill() }
        let endpoint = try await broker.line(startingWith: "ENDPOINT ", within: Interop.patience)
        let workers = EchoWorkers(count: 1, context: context, brokerEndpoint: endpoint, dialect: .majortomo)
        defer { workers.stop() }
        let client = ClientConnection(
            context: context, configuration: ClientConfiguration(brokerEndpoint: endpoint, dialect: .majortomo),
            logger: Logger(label: "newsbus.test.client"))
        defer { client.close() }

        for body in Interop.randomBodies(count: 50, seed: 32) {
            #expect(try await client.request(service: "echo", body: body, timeout: Interop.patience) == body)
        }
    }
}
