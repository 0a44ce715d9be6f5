import Foundation
import ZeroMQ

#if canImport(Glibc)
import Glibc
#endif

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
        let (host, port) = try hostAndPort(endpoint)
        return try await onThread {
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard descriptor >= 0 else { throw PeerError("socket() failed: errno \(errno)") }
            defer { close(descriptor) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            inet_pton(AF_INET, host, &address.sin_addr)
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard connected == 0 else { throw PeerError("connect(\(endpoint)) failed: errno \(errno)") }
            var waitLimit = timeval(tv_sec: 1, tv_usec: 0)
            setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &waitLimit, socklen_t(MemoryLayout<timeval>.size))
            var bytes = zmtpGreeting + zmtpReady
            bytes += [0x02] + (0..<8).reversed().map { UInt8(truncatingIfNeeded: claimedSize >> (8 * UInt64($0))) }
            bytes += [UInt8](repeating: 0x41, count: 4096)
            _ = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            let deadline = ContinuousClock.now.advanced(by: timeout)
            var buffer = [UInt8](repeating: 0, count: 4096)
            while ContinuousClock.now < deadline {
                let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
                if count == 0 { return true }
                if count < 0, errno != EAGAIN, errno != EWOULDBLOCK, errno != EINTR { return true }
            }
            return false
        }
    }

    /// ZMTP 3.0 greeting: signature, version 3.0, mechanism NULL, not a server, filler (64 bytes).
    private static let zmtpGreeting: [UInt8] =
        [0xFF] + [UInt8](repeating: 0, count: 8) + [0x7F, 0x03, 0x00] + Array("NULL".utf8)
        + [UInt8](repeating: 0, count: 16) + [0x00] + [UInt8](repeating: 0, count: 31)

    /// ZMTP READY command with the property Socket-Type = DEALER.
    private static let zmtpReady: [UInt8] = {
        let body: [UInt8] = [0x05] + Array("READY".utf8) + [0x0B] + Array("Socket-Type".utf8)
            + [0x00, 0x00, 0x00, 0x06] + Array("DEALER".utf8)
        return [0x04, UInt8(body.count)] + body
    }()

    private static func hostAndPort(_ endpoint: String) throws -> (String, UInt16) {
        let address = endpoint.replacingOccurrences(of: "tcp://", with: "")
        guard let colon = address.lastIndex(of: ":"), let port = UInt16(address[address.index(after: colon)...]) else {
            throw PeerError("not a tcp://host:port endpoint: \(endpoint)")
        }
        return (String(address[..<colon]), port)
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

/// The hostile peer could not do its part (a test set-up problem, not a finding).
struct PeerError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
