import Logging
import Majordomo
import Testing
import ZeroMQ

/// A running broker, spoken to through raw DEALER sockets with hand-built frames.
@Suite("Broker over TCP")
struct BrokerIntegrationTests {
    @Test("RFC 18 worker and client: every byte of REQUEST, FINAL and the client's reply")
    func rfc18RoundTrip() throws {
        let harness = try BrokerHarness()
        let worker = try harness.peer("w-rfc18")
        try worker.send([Wire.worker, [0x01], Wire.text("echo")])
        #expect(harness.waitForLog("worker ready", worker: "w-rfc18"))

        let client = try harness.peer("c-rfc18")
        try client.send([Wire.client, [0x01], Wire.text("echo"), Wire.text("ping"), [0x00, 0xFF]])
        let request = try #require(try worker.receive())
        #expect(request == [Wire.worker, [0x02], Wire.text("c-rfc18"), [], Wire.text("ping"), [0x00, 0xFF]])

        try worker.send([Wire.worker, [0x03], Wire.text("c-rfc18"), [], Wire.text("part")])
        try worker.send([Wire.worker, [0x04], Wire.text("c-rfc18"), [], Wire.text("pong")])
        #expect(try client.receive() == [Wire.client, [0x02], Wire.text("echo"), Wire.text("part")])
        #expect(try client.receive() == [Wire.client, [0x03], Wire.text("echo"), Wire.text("pong")])
    }

    @Test("majortomo worker and client: leading empty frame, commands 0x02/0x04, no service in the reply")
    func majortomoRoundTrip() throws {
        let harness = try BrokerHarness()
        let worker = try harness.peer("w-majortomo")
        try worker.send([[], Wire.worker, [0x01], Wire.text("echo")])
        #expect(harness.waitForLog("worker ready", worker: "w-majortomo"))

        let client = try harness.peer("c-majortomo")
        try client.send([[], Wire.client, [0x02], Wire.text("echo"), Wire.text("ping")])
        #expect(try worker.receive() == [[], Wire.worker, [0x02], Wire.text("c-majortomo"), [], Wire.text("ping")])
        try worker.send([[], Wire.worker, [0x04], Wire.text("c-majortomo"), [], Wire.text("pong")])
        #expect(try client.receive() == [[], Wire.client, [0x04], Wire.text("pong")])
    }

    @Test("mmi.service is answered by the broker: 200 for a served service, 404 otherwise")
    func management() throws {
        let harness = try BrokerHarness()
        let worker = try harness.peer("w-mmi")
        try worker.send([Wire.worker, [0x01], Wire.text("echo")])
        #expect(harness.waitForLog("worker ready", worker: "w-mmi"))
        let client = try harness.peer("c-mmi")
        try client.send([Wire.client, [0x01], Wire.text("mmi.service"), Wire.text("echo")])
        #expect(try client.receive() == [Wire.client, [0x03], Wire.text("mmi.service"), Wire.text("200")])
        try client.send([[], Wire.client, [0x02], Wire.text("mmi.service"), Wire.text("nobody")])
        #expect(try client.receive() == [[], Wire.client, [0x04], Wire.text("404")])
    }

    @Test("An idle worker hears HEARTBEAT, and stop() sends it DISCONNECT")
    func heartbeatAndShutdown() throws {
        let harness = try BrokerHarness(BrokerConfiguration(heartbeatInterval: .milliseconds(20), heartbeatLiveness: 1000))
        let worker = try harness.peer("w-heartbeat")
        try worker.send([Wire.worker, [0x01], Wire.text("echo")])
        #expect(try worker.receive() == [Wire.worker, [0x05]])
        harness.broker.stop()
        var sawDisconnect = false
        while let frames = try worker.receive() {
            if frames == [Wire.worker, [0x06]] {
                sawDisconnect = true
                break
            }
            #expect(frames == [Wire.worker, [0x05]])
        }
        #expect(sawDisconnect)
        #expect(harness.waitForLog("broker stopped"))
    }

    @Test("Starting on a port already in use fails with the bind error")
    func bindFailure() throws {
        let harness = try BrokerHarness()
        let second = Broker(
            configuration: BrokerConfiguration(bindEndpoints: [harness.endpoint]), context: harness.context,
            logger: Logger(label: "test"))
        let error = try #require(throws: ZMQError.self) { try second.start() }
        #expect(error.operation == "zmq_bind(\(harness.endpoint))")
        second.stop()
    }
}
