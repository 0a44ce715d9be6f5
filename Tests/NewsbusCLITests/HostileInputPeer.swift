import Foundation
import NewsbusTestSupport
import ZeroMQ

/// A hostile peer of the broker: sends raw frames over its own DEALER socket, or raw bytes over a
/// plain TCP connection, each on a dedicated thread (a socket stays on the thread that made it, and
/// nothing blocks the cooperative pool).
enum HostileInputPeer {
    /// Sends `messages` over a fresh DEALER connected to `endpoint` and collects up to `replies`
    /// messages for at most `timeout`; returns what arrived. `replies: 0` closes at once after
    /// sending (a client that disconnects without waiting for its answer).
    static func exchange(
        _ endpoint: String, send messages: [[[UInt8]]], replies: Int, within timeout: Duration
    ) async throws -> [[[UInt8]]] {
        try await onThread {
            let context = try Context()
            defer { context.shutdown() }
            // Lingers so that a client leaving at once (`replies: 0`) still delivers its request.
            let socket = try Socket(context, type: .dealer, linger: .seconds(5))
            defer { socket.close() }
            try socket.connect(endpoint)
            for message in messages {
                _ = try socket.send(message)
            }
            var received: [[[UInt8]]] = []
            let deadline = ContinuousClock.now.advanced(by: timeout)
            var poller = Poller()
            poller.register(socket)
            while received.count < replies, ContinuousClock.now < deadline {
                try poller.poll(timeout: ContinuousClock.now.duration(to: deadline))
                while let frames = try socket.receive(dontWait: true) {
                    received.append(frames)
                }
            }
            return received
        }
    }

    /// The body frames of a client FINAL reply from the broker (after "MDPC02", 0x03, service).
    static func body(ofReply frames: [[UInt8]]) -> [[UInt8]]? {
        guard frames.count >= 3, frames[0] == Array("MDPC02".utf8), frames[1] == [0x03] else { return nil }
        return Array(frames.dropFirst(3))
    }

    /// Opens a TCP connection to `endpoint` (`tcp://127.0.0.1:port`), speaks a ZMTP 3.0 NULL
    /// greeting and READY as a DEALER, then sends the header of a frame claiming `claimedSize` bytes
    /// followed by a few real bytes. Returns whether the broker closed the connection within `timeout`.
    static func claimFrame(of claimedSize: UInt64, to endpoint: String, within timeout: Duration) async throws -> Bool {
        try await onThread {
            let peer = try RawZMTPPeer(connectingTo: endpoint)
            peer.sendBytes([0x02] + RawZMTPPeer.bigEndian(claimedSize) + [UInt8](repeating: 0x41, count: 4096))
            return peer.closedByPeer(within: timeout)
        }
    }

    /// Runs `body` on a new thread and returns its result.
    private static func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result { try body() })
            }
            thread.name = "hostile peer"
            thread.start()
        }
    }
}
