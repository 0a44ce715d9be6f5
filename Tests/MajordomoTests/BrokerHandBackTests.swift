import Logging
import Majordomo
import NewsbusTestSupport
import Testing
import ZeroMQ

/// Over real sockets: a worker that says DISCONNECT while it holds requests (as a worker being
/// stopped does, its replies sent first) loses none of them; the next worker gets them.
@Suite("Broker: a leaving worker hands its requests back")
struct BrokerHandBackTests {
    @Test("Requests a worker held when it said DISCONNECT reach the next worker, in order, each answered once")
    func leavingWorkerHandsBack() throws {
        let harness = try BrokerHarness(BrokerConfiguration(workerCredit: 8))
        let leaving = try harness.peer("leaving-worker")
        try leaving.send([Wire.worker, [0x01], Wire.text("echo")])
        #expect(harness.waitForLog("worker ready", worker: "leaving-worker"))
        let client = try harness.peer("asker")
        for index in 1...5 {
            try client.send([Wire.client, [0x01], Wire.text("echo"), Wire.text("request \(index)")])
        }
        // It takes all five (credit 8), answers two, and leaves.
        for index in 1...5 {
            #expect(try leaving.receive() == [Wire.worker, [0x02], Wire.text("asker"), [], Wire.text("request \(index)")])
        }
        for index in 1...2 {
            try leaving.send([Wire.worker, [0x04], Wire.text("asker"), [], Wire.text("reply \(index) from leaving")])
        }
        try leaving.send([Wire.worker, [0x06]])
        #expect(harness.waitForLog("worker disconnected", worker: "leaving-worker"))
        let left = harness.logs.value.first { $0.message == "worker disconnected" }?.metadata
        #expect(left?["mdp.requests_requeued"] == "3")
        #expect(left?["mdp.request_lost"] == "false")

        let next = try harness.peer("next-worker")
        try next.send([Wire.worker, [0x01], Wire.text("echo")])
        for index in 3...5 {
            #expect(try next.receive() == [Wire.worker, [0x02], Wire.text("asker"), [], Wire.text("request \(index)")])
            try next.send([Wire.worker, [0x04], Wire.text("asker"), [], Wire.text("reply \(index) from next")])
        }
        let replies = try (1...5).map { _ in try client.receive() }
        #expect(
            replies == [
                [Wire.client, [0x03], Wire.text("echo"), Wire.text("reply 1 from leaving")],
                [Wire.client, [0x03], Wire.text("echo"), Wire.text("reply 2 from leaving")],
                [Wire.client, [0x03], Wire.text("echo"), Wire.text("reply 3 from next")],
                [Wire.client, [0x03], Wire.text("echo"), Wire.text("reply 4 from next")],
                [Wire.client, [0x03], Wire.text("echo"), Wire.text("reply 5 from next")],
            ])
        #expect(try client.receive(dontWait: true) == nil)
    }
}
