import Dispatch
import Foundation
import Testing
import ZeroMQ

@Suite("Errors, polling and shutdown")
struct SocketLifecycleTests {
    @Test("A taken port is reported with the operation, libzmq's text and errno")
    func addressInUse() throws {
        let context = try Context()
        let first = try Socket(context, type: .router)
        try first.bind("tcp://127.0.0.1:0")
        let endpoint = try first.lastEndpoint
        let second = try Socket(context, type: .router)
        let error = try #require(throws: ZMQError.self) { try second.bind(endpoint) }
        #expect(error.operation == "zmq_bind(\(endpoint))")
        #expect(error.description == "zmq_bind(\(endpoint)): Address already in use (errno 98)")
    }

    @Test("An unparsable endpoint is an invalid-argument error naming it")
    func invalidEndpoint() throws {
        let socket = try Socket(try Context(), type: .dealer)
        let error = try #require(throws: ZMQError.self) { try socket.connect("nonsense") }
        #expect(error.hasSameCode(as: .invalidArgument))
        #expect(error.description.hasPrefix("zmq_connect(nonsense): Invalid argument"))
    }

    @Test("A closed socket refuses further use with ENOTSOCK; closing twice is harmless")
    func closedSocket() throws {
        let socket = try Socket(try Context(), type: .dealer)
        socket.close()
        socket.close()
        #expect(!socket.isOpen)
        let error = try #require(throws: ZMQError.self) { try socket.bind("inproc://closed") }
        #expect(error.operation == "zmq_bind(inproc://closed)")
    }

    @Test("After shutdown, receives fail with .terminated and new sockets cannot be opened")
    func shutdownContext() throws {
        let context = try Context()
        let socket = try Socket(context, type: .dealer)
        try socket.bind("inproc://shutdown-\(UInt64.random(in: 0...UInt64.max))")
        context.shutdown()
        #expect(Self.failsAsTerminated { _ = try socket.receive() })
        let error = try #require(throws: ZMQError.self) { _ = try Socket(context, type: .dealer) }
        #expect(error.hasSameCode(as: .terminated))
        socket.close()
    }

    /// Whether `body` fails with an error that `catch ZMQError.terminated` matches.
    static func failsAsTerminated(_ body: () throws -> Void) -> Bool {
        do {
            try body()
            return false
        } catch ZMQError.terminated {
            return true
        } catch {
            return false
        }
    }

    @Test("Polling times out with nothing ready, then reports the readable socket")
    func pollTimeout() throws {
        let context = try Context()
        let endpoint = "inproc://poll-\(UInt64.random(in: 0...UInt64.max))"
        let quiet = try Socket(context, type: .pair)
        let busy = try Socket(context, type: .pair)
        let sender = try Socket(context, type: .pair)
        try quiet.bind(endpoint + "-quiet")
        try busy.bind(endpoint)
        try sender.connect(endpoint)
        var poller = Poller()
        let quietIndex = poller.register(quiet)
        let busyIndex = poller.register(busy)
        #expect(try poller.poll(timeout: .milliseconds(5)) == 0)
        #expect(poller.events(at: busyIndex).isEmpty)

        try sender.send([[42]])
        #expect(try poller.poll(timeout: .seconds(5)) == 1)
        #expect(poller.events(at: busyIndex) == .readable)
        #expect(poller.events(at: quietIndex).isEmpty)
    }

    @Test("Named error statics match by code only")
    func namedStatics() {
        let error = ZMQError(code: ZMQError.wouldBlock.code, operation: "zmq_send")
        #expect(error.hasSameCode(as: .wouldBlock))
        #expect(!error.hasSameCode(as: .terminated))
        #expect(!(ZMQError.terminated ~= error))
        #expect(ZMQError.wouldBlock ~= error)
        #expect(ZMQError.interrupted.description == "Interrupted system call (errno 4)")
    }

    @Test("CURVE keys survive a Z85 round trip; bad text is refused")
    func curveKeys() throws {
        let pair = try CurveKeyPair.generate()
        #expect(pair.publicKey.z85.count == 40)
        #expect(try CurveKey(z85: pair.publicKey.z85) == pair.publicKey)
        #expect(pair.publicKey != pair.secretKey)
        #expect(throws: ZMQError.self) { try CurveKey(z85: "too short") }
    }
}

@Suite("Thread confinement")
struct ThreadConfinementTests {
    @Test("Using a socket from a thread other than its creator's traps")
    func wrongThreadTraps() async {
        await #expect(processExitsWith: .failure) {
            let socket = try Socket(try Context(), type: .dealer)
            nonisolated(unsafe) let shared = socket
            let finished = DispatchSemaphore(value: 0)
            let thread = Thread {
                try? shared.bind("inproc://wrong-thread")
                finished.signal()
            }
            thread.start()
            // Without the trap the bind returns, and the child exits successfully: a failure here.
            finished.wait()
        }
    }
}
