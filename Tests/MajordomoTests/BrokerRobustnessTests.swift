import Logging
import Majordomo
import NewsbusTestSupport
import Testing
import ZeroMQ

/// Bad input and dead peers never take the broker down: it logs, drops, expires, and keeps
/// serving well-formed traffic.
@Suite("Broker robustness")
struct BrokerRobustnessTests {
    static let malformed: [(name: String, frames: [[UInt8]])] = [
        ("bad header", [Wire.text("MDPW01"), [0x01], Wire.text("echo")]),
        ("unknown worker command", [Wire.worker, [0x7F]]),
        ("unknown client command", [Wire.client, [0x09], Wire.text("echo")]),
        ("missing service frame", [Wire.client, [0x01]]),
        ("missing client address", [Wire.worker, [0x04]]),
        ("empty service name", [Wire.worker, [0x01], []]),
        ("garbage", [[0xDE, 0xAD, 0xBE, 0xEF], [0x00], Array(repeating: 0x41, count: 100)]),
        ("only an empty frame", [[]]),
        ("frames over the codec's count limit", [Wire.client, [0x01], Wire.text("echo")] + Array(repeating: [0x01], count: 20)),
    ]

    @Test("Malformed frames of every kind are logged and dropped; good traffic still flows")
    func malformedInput() throws {
        let harness = try BrokerHarness(BrokerConfiguration(maximumMessageSize: 1024, maximumFrameCount: 16))
        // One peer per kind: the broker logs only a peer's first few bad messages in full.
        var attackers: [Socket] = []
        for (index, example) in Self.malformed.enumerated() {
            let attacker = try harness.peer("attacker-\(index)")
            try attacker.send(example.frames)
            attackers.append(attacker)
        }
        #expect(harness.waitForLog("malformed message dropped", count: Self.malformed.count))
        let peers = harness.logs.value.filter { $0.message == "malformed message dropped" }.map { $0.metadata["mdp.peer"].map { "\($0)" } }
        #expect(Set(peers) == Set(Self.malformed.indices.map { "attacker-\($0)" }))

        // A frame over ZMQ_MAXMSGSIZE: libzmq drops the connection before the broker sees it.
        let oversized = try harness.peer("oversized")
        try oversized.send([Wire.client, [0x01], Wire.text("echo"), Array(repeating: 0x42, count: 4096)])

        try expectEchoWorks(harness, worker: "good-worker", client: "good-client")
        #expect(harness.logCount("malformed message dropped") == Self.malformed.count)
    }

    @Test("A flood of garbage from one peer is logged a few times, not once per message")
    func garbageFlood() throws {
        let harness = try BrokerHarness()
        let attacker = try harness.peer("flooder")
        for index in 0..<500 {
            try attacker.send([[0xDE, 0xAD], [UInt8(truncatingIfNeeded: index)]])
        }
        // The broker reads one connection in order: once this is answered, the flood was read.
        try attacker.send([Wire.client, [0x01], Wire.text("mmi.service"), Wire.text("echo")])
        #expect(try attacker.receive() == [Wire.client, [0x03], Wire.text("mmi.service"), Wire.text("404")])
        let lines = harness.logs.value.filter { $0.message == "malformed message dropped" }
        #expect(lines.count == 3)
        #expect(lines.last?.metadata["mdp.note"] != nil)
        try expectEchoWorks(harness, worker: "calm-worker", client: "calm-client")
    }

    @Test("A worker whose connection drops without DISCONNECT is removed at the next heartbeat, long before expiry")
    func vanishingWorker() throws {
        // Expiry would take 20 s; the next heartbeat's send finds the connection gone.
        let harness = try BrokerHarness(BrokerConfiguration(heartbeatInterval: .milliseconds(100), heartbeatLiveness: 200))
        do {
            let ghost = try harness.peer("ghost-worker")
            try ghost.send([Wire.worker, [0x01], Wire.text("ghost")])
            #expect(harness.waitForLog("worker ready", worker: "ghost-worker"))
            ghost.close()
        }
        #expect(harness.waitForLog("worker unreachable: its connection is gone", worker: "ghost-worker"))
        #expect(harness.logCount("worker expired") == 0)

        let client = try harness.peer("asker")
        try client.send([Wire.client, [0x01], Wire.text("mmi.service"), Wire.text("ghost")])
        #expect(try client.receive() == [Wire.client, [0x03], Wire.text("mmi.service"), Wire.text("404")])
        try expectEchoWorks(harness, worker: "live-worker", client: "live-client", heartbeats: true)
    }

    @Test("A busy worker whose host falls silent is dropped when its connection stops answering, not after the busy timeout")
    func silentHost() throws {
        // Busy workers may stay silent for 300 s (the default); libzmq's PINGs find the dead
        // connection after the 2 s expiry time.
        let harness = try BrokerHarness(BrokerConfiguration(heartbeatInterval: .milliseconds(500), heartbeatLiveness: 4))
        // Speaks ZMTP by hand and never answers PINGs: a host cut off from the network.
        let host = try RawZMTPPeer(connectingTo: harness.endpoint)
        host.send([Wire.worker, [0x01], Wire.text("echo")])
        #expect(harness.waitForLog("worker ready"))
        let client = try harness.peer("asker")
        defer { client.close() }
        try client.send([Wire.client, [0x01], Wire.text("echo"), Wire.text("anyone?")])
        #expect(harness.waitForLog("worker unreachable: its connection is gone"))
        #expect(harness.logs.value.first { $0.message == "worker unreachable: its connection is gone" }?.metadata["mdp.request_lost"] == "true")
        #expect(harness.logCount("worker expired") == 0)
        withExtendedLifetime(host) {}
    }

    @Test("A worker that stays connected but falls silent is expired and no longer advertised")
    func silentWorker() throws {
        let harness = try BrokerHarness(BrokerConfiguration(heartbeatInterval: .milliseconds(20), heartbeatLiveness: 3))
        let ghost = try harness.peer("silent-worker")
        defer { ghost.close() }
        try ghost.send([Wire.worker, [0x01], Wire.text("ghost")])
        #expect(harness.waitForLog("worker ready", worker: "silent-worker"))
        #expect(harness.waitForLog("worker expired", worker: "silent-worker"))

        let client = try harness.peer("asker")
        try client.send([Wire.client, [0x01], Wire.text("mmi.service"), Wire.text("ghost")])
        #expect(try client.receive() == [Wire.client, [0x03], Wire.text("mmi.service"), Wire.text("404")])
    }

    @Test("A request for a worker whose connection is gone goes to another worker, not into the void")
    func requestForVanishedWorker() throws {
        // Heartbeats a minute apart: only the request's own send can find the ghost gone.
        let harness = try BrokerHarness(BrokerConfiguration(heartbeatInterval: .seconds(60)))
        do {
            // Its own context, terminated when this scope ends: its connection is closed by then.
            let ghost = try Socket(try Context(), type: .dealer)
            try ghost.set(.routingID(Wire.text("ghost-worker")))
            try ghost.connect(harness.endpoint)
            try ghost.send([Wire.worker, [0x01], Wire.text("echo")])
            #expect(harness.waitForLog("worker ready", worker: "ghost-worker"))
            ghost.close()
        }
        // The broker's I/O thread saw the ghost hang up before this connection's handshake, and
        // the broker reads this READY only after handling that hang-up.
        let worker = try harness.peer("live-worker")
        try worker.send([Wire.worker, [0x01], Wire.text("echo")])
        #expect(harness.waitForLog("worker ready", worker: "live-worker"))

        // The ghost has waited longest, so the request goes to it first.
        let client = try harness.peer("asker")
        try client.send([Wire.client, [0x01], Wire.text("echo"), Wire.text("anyone?")])
        #expect(try worker.receive() == [Wire.worker, [0x02], Wire.text("asker"), [], Wire.text("anyone?")])
        try worker.send([Wire.worker, [0x04], Wire.text("asker"), [], Wire.text("here")])
        #expect(try client.receive() == [Wire.client, [0x03], Wire.text("echo"), Wire.text("here")])
        let gone = harness.logs.value.filter { $0.message == "worker unreachable: its connection is gone" }
        #expect(gone.map { $0.metadata["mdp.worker"] } == ["ghost-worker"])
        #expect(gone.first?.metadata["mdp.request_lost"] == "false")
    }

    @Test("A worker that replies out of order is disconnected; the broker carries on")
    func outOfOrderWorker() throws {
        let harness = try BrokerHarness()
        let rogue = try harness.peer("rogue-worker")
        try rogue.send([Wire.worker, [0x01], Wire.text("echo")])
        try rogue.send([Wire.worker, [0x04], Wire.text("nobody"), [], Wire.text("unasked")])
        #expect(try rogue.receive() == [Wire.worker, [0x06]])
        #expect(harness.waitForLog("worker disconnected for a protocol violation", worker: "rogue-worker"))
        try expectEchoWorks(harness, worker: "honest-worker", client: "honest-client")
    }

    /// A raw worker and client complete one request through the broker.
    private func expectEchoWorks(_ harness: BrokerHarness, worker name: String, client clientName: String, heartbeats: Bool = false) throws {
        let worker = try harness.peer(name)
        try worker.send([Wire.worker, [0x01], Wire.text("echo")])
        let client = try harness.peer(clientName)
        try client.send([Wire.client, [0x01], Wire.text("echo"), Wire.text("still here?")])
        var request = try worker.receive()
        while heartbeats, request == [Wire.worker, [0x05]] {
            request = try worker.receive()
        }
        #expect(request == [Wire.worker, [0x02], Wire.text(clientName), [], Wire.text("still here?")])
        try worker.send([Wire.worker, [0x04], Wire.text(clientName), [], Wire.text("yes")])
        #expect(try client.receive() == [Wire.client, [0x03], Wire.text("echo"), Wire.text("yes")])
    }

    @Test("A client that stops reading has replies dropped with a warning, not silently; others are still served")
    func clientNotReading() throws {
        // Room for ten messages per peer at the broker (the worker's need at most two at credit 1):
        // the lazy client's fills up quickly.
        let harness = try BrokerHarness(BrokerConfiguration(peerQueueLimit: 10))
        let workers = EchoWorkers(count: 1, context: harness.context, brokerEndpoint: harness.endpoint)
        defer { workers.stop() }
        // Never reads, and holds one reply itself (set before connecting to take effect).
        let lazy = try Socket(harness.context, type: .dealer)
        defer { lazy.close() }
        try lazy.set(.routingID(Wire.text("lazy")))
        try lazy.set(.receiveHighWaterMark(1))
        try lazy.set(.linger(.zero))
        try lazy.connect(harness.endpoint)
        // 32 MB of replies: more than the loopback socket buffers and both queues hold.
        let body = [UInt8](repeating: 7, count: 16 << 10)
        for _ in 0..<2000 {
            try lazy.send([Wire.client, [0x01], Wire.text("echo"), body])
        }
        #expect(
            harness.logs.wait(within: .seconds(30)) { records in
                records.contains { $0.message == "message dropped: the peer is not reading" && $0.metadata["mdp.peer"] == "lazy" }
            })
        #expect(harness.logCount("message dropped: the peer is not reading") == 1, "one line per peer and period")
        let busy = try harness.peer("busy")
        defer { busy.close() }
        try busy.send([Wire.client, [0x01], Wire.text("echo"), Wire.text("still there?")])
        #expect(try busy.receive() == [Wire.client, [0x03], Wire.text("echo"), Wire.text("still there?")])
    }

    @Test("A reply for a client that has gone is dropped and logged, not silently; the broker carries on")
    func clientGone() throws {
        let harness = try BrokerHarness()
        let worker = try harness.peer("worker")
        defer { worker.close() }
        try worker.send([Wire.worker, [0x01], Wire.text("echo")])
        #expect(harness.waitForLog("worker ready", worker: "worker"))
        do {
            // Its own context, terminated when this scope ends: its connection is closed by then.
            let leaver = try Socket(try Context(), type: .dealer)
            try leaver.set(.routingID(Wire.text("leaver")))
            try leaver.connect(harness.endpoint)
            try leaver.send([Wire.client, [0x01], Wire.text("echo"), Wire.text("bye")])
            #expect(try worker.receive() == [Wire.worker, [0x02], Wire.text("leaver"), [], Wire.text("bye")])
            leaver.close()
        }
        // The broker reads this FINAL after it has handled the client's hang-up.
        try worker.send([Wire.worker, [0x04], Wire.text("leaver"), [], Wire.text("bye")])
        #expect(
            harness.logs.wait(within: .seconds(10)) { records in
                records.contains { $0.message == "message dropped: the peer has disconnected" && $0.metadata["mdp.peer"] == "leaver" }
            })
        let client = try harness.peer("client")
        defer { client.close() }
        try client.send([Wire.client, [0x01], Wire.text("echo"), Wire.text("me")])
        #expect(try worker.receive() == [Wire.worker, [0x02], Wire.text("client"), [], Wire.text("me")])
        try worker.send([Wire.worker, [0x04], Wire.text("client"), [], Wire.text("me")])
        #expect(try client.receive() == [Wire.client, [0x03], Wire.text("echo"), Wire.text("me")])
    }
}
