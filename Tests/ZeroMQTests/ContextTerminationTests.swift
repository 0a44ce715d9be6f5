import Foundation
import Testing
import ZeroMQ

/// `Context.terminate(within:)`: what a process calls last so its queued messages go out before
/// libzmq's I/O threads die with it.
@Suite("Context termination")
struct ContextTerminationTests {
    /// An `ipc://` endpoint nobody listens on yet.
    static func endpoint() -> String {
        "ipc://" + FileManager.default.temporaryDirectory.appending(path: "newsbus-term-\(UUID().uuidString)").path
    }

    @Test("terminate waits for a message still queued for its peer (up to the socket's linger); it then goes out")
    func waitsForQueuedMessages() throws {
        let endpoint = Self.endpoint()
        let sender = try Context()
        let dealer = try Socket(sender, type: .dealer, linger: .seconds(30))
        try dealer.connect(endpoint)
        try dealer.send([Array("last words".utf8)])
        dealer.close()
        // Nobody listens yet: the message cannot have gone out, so termination must still wait.
        #expect(!sender.terminate(within: .milliseconds(300)))

        let receiver = try Context()
        let router = try Socket(receiver, type: .router)
        defer { router.close() }
        try router.set(.receiveTimeout(.seconds(20)))
        try router.bind(endpoint)
        let frames = try #require(try router.receive())
        #expect(frames.last == Array("last words".utf8))
        #expect(sender.terminate(within: .seconds(20)))
    }

    @Test("terminate with every socket closed and nothing queued returns true; a second call too")
    func nothingQueued() throws {
        let context = try Context()
        let socket = try Socket(context, type: .dealer)
        try socket.connect(Self.endpoint())
        socket.close()
        #expect(context.terminate(within: .seconds(20)))
        #expect(context.terminate(within: .zero))
    }

    @Test("terminate reports a socket still open instead of waiting forever")
    func openSocket() throws {
        let context = try Context()
        let socket = try Socket(context, type: .dealer)
        #expect(!context.terminate(within: .milliseconds(200)))
        // The termination finishes in the background once the socket is closed.
        socket.close()
    }
}
