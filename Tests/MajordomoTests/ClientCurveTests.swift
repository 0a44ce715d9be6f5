import Logging
import Majordomo
import NewsbusTestSupport
import Testing
import ZeroMQ

/// WorkerConnection and ClientConnection with CurveZMQ keys, through a CURVE broker.
@Suite("Client and worker over CurveZMQ")
struct ClientCurveTests {
    @Test("With allowed keys, a worker and a client talk through a CURVE broker; a stranger gets no answer")
    func curve() async throws {
        let server = try CurveKeyPair.generate()
        let allowed = try CurveKeyPair.generate()
        let stranger = try CurveKeyPair.generate()
        let context = try Context()
        let broker = Broker(
            configuration: BrokerConfiguration(
                bindEndpoints: ["tcp://127.0.0.1:0"],
                curve: CurveServerConfiguration(secretKey: server.secretKey, allowedClientKeys: [allowed.publicKey])),
            context: context, logger: Logger(label: "newsbus.test.broker"))
        let endpoint = try #require(try broker.start().first)
        defer { broker.stop() }

        let worker = WorkerConnection(
            context: context,
            configuration: WorkerConfiguration(
                brokerEndpoint: endpoint, service: "echo", curveServerKey: server.publicKey, curveKeyPair: allowed),
            logger: Logger(label: "newsbus.test.worker")
        ) { body in body }
        defer { worker.stop() }
        let client = ClientConnection(
            context: context,
            configuration: ClientConfiguration(
                brokerEndpoint: endpoint, curveServerKey: server.publicKey, curveKeyPair: allowed),
            logger: Logger(label: "newsbus.test.client"))
        defer { client.close() }
        #expect(try await client.request(service: "echo", body: [[7], [8]], timeout: .seconds(30)) == [[7], [8]])

        let outsider = ClientConnection(
            context: context,
            configuration: ClientConfiguration(
                brokerEndpoint: endpoint, curveServerKey: server.publicKey, curveKeyPair: stranger),
            logger: Logger(label: "newsbus.test.client"))
        defer { outsider.close() }
        await #expect(throws: ClientConnectionError.self) {
            try await outsider.request(service: "echo", body: [[1]], timeout: .milliseconds(500))
        }
    }
}
