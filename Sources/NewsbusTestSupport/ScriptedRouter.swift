import Foundation
import ZeroMQ

/// A stand-in broker for worker and client tests: a ROUTER socket on its own thread that
/// records every message and answers with whatever a script returns.
///
/// The script runs on the router's thread and gets each message as received (routing id
/// first) plus its number; it returns the messages to send (routing id first). Tests wait on
/// ``received`` with a deadline.
public final class ScriptedRouter: Sendable {
    /// Decides the answers to one received message.
    public typealias Script = @Sendable (_ frames: [[UInt8]], _ number: Int) -> [[[UInt8]]]

    /// The bound endpoint (`tcp://127.0.0.1:<port>`).
    public let endpoint: String
    /// Every message received so far, routing id first.
    public let received = Observed<[[[UInt8]]]>([])
    private let context: Context
    private let done = Observed(false)

    /// Binds a free loopback port and starts answering with `script`.
    public init(script: @escaping Script) throws {
        let context = try Context()
        self.context = context
        let bound = Observed<Result<String, ZMQError>?>(nil)
        let received = received
        let done = done
        let thread = Thread {
            Self.serve(context: context, bound: bound, received: received, script: script)
            done.update { $0 = true }
        }
        thread.name = "scripted router"
        thread.start()
        _ = bound.wait(within: .seconds(30)) { $0 != nil }
        guard let result = bound.value else {
            throw ZMQError(code: 0, operation: "ScriptedRouter: no bind within 30 s")
        }
        endpoint = try result.get()
    }

    /// Closes the socket and joins its thread.
    public func stop() {
        context.shutdown()
        _ = done.wait(within: .seconds(30)) { $0 }
    }

    deinit {
        stop()
    }

    /// Waits up to `timeout` until at least `count` messages arrived; returns them all.
    public func waitForMessages(_ count: Int, within timeout: Duration = .seconds(30)) -> [[[UInt8]]] {
        _ = received.wait(within: timeout) { $0.count >= count }
        return received.value
    }

    private static func serve(
        context: Context, bound: Observed<Result<String, ZMQError>?>, received: Observed<[[[UInt8]]]>,
        script: Script
    ) {
        do {
            let socket = try Socket(context, type: .router)
            defer { socket.close() }
            try socket.bind("tcp://127.0.0.1:0")
            let endpoint = try socket.lastEndpoint
            bound.update { $0 = .success(endpoint) }
            var number = 0
            while let frames = try socket.receive() {
                received.update { $0.append(frames) }
                for reply in script(frames, number) {
                    try socket.send(reply)
                }
                number += 1
            }
        } catch {
            bound.update { if $0 == nil { $0 = .failure(error) } }
        }
    }
}
