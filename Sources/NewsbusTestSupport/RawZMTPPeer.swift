import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A DEALER spoken by hand over a plain TCP connection (ZMTP 3.0, NULL mechanism): what libzmq
/// never does, such as claiming a frame size it does not send, or going silent without answering
/// ZMTP PINGs the way a host cut off from the network does. It never reads what the other side
/// sends. Use it on one thread; the connection closes with the value.
public final class RawZMTPPeer {
    private let descriptor: Int32

    /// Connects to `endpoint` (`tcp://host:port`) and sends the greeting and READY (Socket-Type DEALER).
    public init(connectingTo endpoint: String) throws {
        let (host, port) = try Self.hostAndPort(endpoint)
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw RawZMTPError("socket() failed: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        inet_pton(AF_INET, host, &address.sin_addr)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(descriptor)
            throw RawZMTPError("connect(\(endpoint)) failed: errno \(errno)")
        }
        sendBytes(Self.greeting + Self.ready)
        // Messages sent in the same burst as the handshake can sit in libzmq's buffer until more
        // bytes arrive; after the other side's greeting and READY they are read at once.
        try readHandshake()
    }

    /// Reads the other side's 64-byte greeting and its READY command (5 s at most).
    private func readHandshake() throws {
        var waitLimit = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &waitLimit, socklen_t(MemoryLayout<timeval>.size))
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 512)
        while true {
            // A short command: flags 0x04, one size byte, then the body.
            if received.count >= 66, received.count >= 66 + Int(received[65]) { return }
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { throw RawZMTPError("no ZMTP handshake from the other side (errno \(errno))") }
            received += buffer[0..<count]
        }
    }

    deinit {
        close(descriptor)
    }

    /// Sends `frames` as one message.
    public func send(_ frames: [[UInt8]]) {
        var bytes: [UInt8] = []
        for (index, frame) in frames.enumerated() {
            let more: UInt8 = index < frames.count - 1 ? 0x01 : 0x00
            if frame.count < 256 {
                bytes += [more, UInt8(frame.count)]
            } else {
                bytes += [more | 0x02] + Self.bigEndian(UInt64(frame.count))
            }
            bytes += frame
        }
        sendBytes(bytes)
    }

    /// Sends `bytes` as they are (a frame header of one's own making, say).
    public func sendBytes(_ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// True when the other side closes the connection within `timeout` (what it sends is discarded).
    public func closedByPeer(within timeout: Duration) -> Bool {
        var waitLimit = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &waitLimit, socklen_t(MemoryLayout<timeval>.size))
        let deadline = ContinuousClock.now.advanced(by: timeout)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while ContinuousClock.now < deadline {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count == 0 { return true }
            if count < 0, errno != EAGAIN, errno != EWOULDBLOCK, errno != EINTR { return true }
        }
        return false
    }

    /// `value` as 8 big-endian bytes (a long frame's size).
    public static func bigEndian(_ value: UInt64) -> [UInt8] {
        (0..<8).reversed().map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) }
    }

    /// ZMTP 3.0 greeting: signature, version 3.0, mechanism NULL, not a server, filler (64 bytes).
    private static let greeting: [UInt8] =
        [0xFF] + [UInt8](repeating: 0, count: 8) + [0x7F, 0x03, 0x00] + Array("NULL".utf8)
        + [UInt8](repeating: 0, count: 16) + [0x00] + [UInt8](repeating: 0, count: 31)

    /// ZMTP READY command with the property Socket-Type = DEALER.
    private static let ready: [UInt8] = {
        let body: [UInt8] = [0x05] + Array("READY".utf8) + [0x0B] + Array("Socket-Type".utf8)
            + [0x00, 0x00, 0x00, 0x06] + Array("DEALER".utf8)
        return [0x04, UInt8(body.count)] + body
    }()

    private static func hostAndPort(_ endpoint: String) throws -> (String, UInt16) {
        let address = endpoint.replacingOccurrences(of: "tcp://", with: "")
        guard let colon = address.lastIndex(of: ":"), let port = UInt16(address[address.index(after: colon)...]) else {
            throw RawZMTPError("not a tcp://host:port endpoint: \(endpoint)")
        }
        return (String(address[..<colon]), port)
    }
}

/// The raw peer could not do its part (a test set-up problem, not a finding).
public struct RawZMTPError: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
