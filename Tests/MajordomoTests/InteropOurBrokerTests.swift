import Foundation
import Logging
import Majordomo
import NewsbusTestSupport
import Testing
import ZeroMQ

/// majortomo (Python, PyPI) peers talking through our broker.
@Suite("Interop: majortomo peers through our broker")
struct InteropOurBrokerTests {
    @Test("majortomo client -> our broker -> majortomo worker: 200 random multi-frame echoes, byte for byte")
    func majortomoClientAndWorker() async throws {
        let context = try Context()
        let (broker, endpoint) = try Interop.ourBroker(context: context)
        defer { broker.stop() }
        let worker = try Interop.python("worker", endpoint, "echo")
        defer { worker.kill() }
        _ = try await worker.line(startingWith: "READY", within: Interop.patience)

        let client = try Interop.python("client", endpoint, "echo", "200", "11")
        defer { client.kill() }
        #expect(
            try await client.exitStatus(within: Interop.patience) == 0,
            "\(client.output.lines)\n\(client.output.errors)")
        #expect(client.output.lines.contains("OK 200"))
    }

    @Test("With worker credit, one majortomo worker serves three majortomo clients at once, byte for byte")
    func majortomoWorkerWithCredit() async throws {
        let context = try Context()
        let (broker, endpoint) = try Interop.ourBroker(context: context, workerCredit: 3)
        defer { broker.stop() }
        let worker = try Interop.python("worker", endpoint, "echo")
        defer { worker.kill() }
        _ = try await worker.line(startingWith: "READY", within: Interop.patience)

        // Three clients at once: the broker hands the one worker up to three requests, which it
        // serves in order from its socket, as any MDP worker does.
        let clients = try (0..<3).map { try Interop.python("client", endpoint, "echo", "100", "\(20 + $0)") }
        defer { clients.forEach { $0.kill() } }
        for client in clients {
            #expect(
                try await client.exitStatus(within: Interop.patience) == 0,
                "\(client.output.lines)\n\(client.output.errors)")
            #expect(client.output.lines.contains("OK 100"))
        }
    }

    @Test(
        "majortomo client -> our broker -> our Swift worker: 200 random multi-frame echoes", arguments: Dialect.allCases
    )
    func majortomoClientAndSwiftWorker(workerDialect: Dialect) async throws {
        let context = try Context()
        let (broker, endpoint) = try Interop.ourBroker(context: context)
        defer { broker.stop() }
        let workers = EchoWorkers(count: 2, context: context, brokerEndpoint: endpoint, dialect: workerDialect)
        defer { workers.stop() }

        let client = try Interop.python("client", endpoint, "echo", "200", "12")
        defer { client.kill() }
        #expect(
            try await client.exitStatus(within: Interop.patience) == 0,
            "\(client.output.lines)\n\(client.output.errors)")
        #expect(client.output.lines.contains("OK 200"))
    }

    @Test("mmi.service from a majortomo client and from our client: 200 for a served service, 404 otherwise")
    func management() async throws {
        let context = try Context()
        let (broker, endpoint) = try Interop.ourBroker(context: context)
        defer { broker.stop() }
        let workers = EchoWorkers(count: 1, context: context, brokerEndpoint: endpoint)
        defer { workers.stop() }
        let ours = ClientConnection(
            context: context, configuration: ClientConfiguration(brokerEndpoint: endpoint),
            logger: Logger(label: "newsbus.test.client"))
        defer { ours.close() }

        // Ready once the broker has the worker's READY.
        #expect(await eventually(within: Interop.patience) { (try? await ours.isServiceAvailable("echo")) == true })
        #expect(try await ours.isServiceAvailable("nobody") == false)

        let known = try Interop.python("mmi", endpoint, "echo")
        defer { known.kill() }
        let unknown = try Interop.python("mmi", endpoint, "nobody")
        defer { unknown.kill() }
        #expect(try await known.line(startingWith: "MMI ", within: Interop.patience) == "200")
        #expect(try await unknown.line(startingWith: "MMI ", within: Interop.patience) == "404")
    }
}
