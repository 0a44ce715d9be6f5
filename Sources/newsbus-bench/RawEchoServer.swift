import Foundation
import ZeroMQ

/// The baseline: a ROUTER that echoes every message straight back, on its own thread, with no
/// protocol at all.
final class RawEchoServer: Sendable {
    /// Where it listens.
    let endpoint: String
    private let context: Context
    private let finished = DispatchSemaphore(value: 0)

    /// Binds a free loopback port in `context` and starts echoing.
    init(context: Context) throws {
        self.context = context
        let bound = DispatchSemaphore(value: 0)
        let box = EndpointBox()
        let finished = finished
        let thread = Thread {
            Self.serve(context: context, bound: bound, box: box)
            finished.signal()
        }
        thread.start()
        bound.wait()
        guard let endpoint = box.endpoint else { throw BenchError("the raw echo server could not bind 127.0.0.1") }
        self.endpoint = endpoint
    }

    /// Stops by shutting down the server's context, and joins its thread.
    func stop() {
        context.shutdown()
        finished.wait()
    }

    private static func serve(context: Context, bound: DispatchSemaphore, box: EndpointBox) {
        guard let socket = try? Socket(context, type: .router) else {
            bound.signal()
            return
        }
        defer { socket.close() }
        do {
            try socket.bind("tcp://127.0.0.1:0")
            box.endpoint = try socket.lastEndpoint
        } catch {
            bound.signal()
            return
        }
        bound.signal()
        // Ends with ETERM when stop() shuts the context down.
        while let frames = try? socket.receive() {
            guard (try? socket.send(frames)) != nil else { return }
        }
    }
}

/// Hands the bound endpoint from the server thread to its creator (written before the
/// semaphore is signalled, read after it is waited on).
private final class EndpointBox: @unchecked Sendable {
    var endpoint: String?
}
