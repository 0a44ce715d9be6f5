import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A small blocking-socket HTTP server for one page: a listening IPv4 socket, a thread that
/// accepts, and a short-lived thread per connection (at most ``connectionLimit`` at once) that
/// reads one request, answers it (``HTTPExchange``) and closes. Slow or silent clients are cut off
/// after a timeout (5 s by default, for the whole request, however it trickles in); none of this
/// touches a socket loop or Swift concurrency's pool.
final class MetricsServer: Sendable {
    /// Connections served at once; more are answered 503 at once.
    static let connectionLimit = 8
    /// How long a client may take to send its request or read the response, by default.
    static let defaultTimeout = 5

    /// The port it listens on (the real one when 0 was asked for).
    let port: UInt16
    private let listener: Int32
    private let wake: (read: Int32, write: Int32)
    private let acceptorDone = DispatchSemaphore(value: 0)
    private let stopping = Atomic<Bool>(false)
    private let timeout: Duration

    /// Listens on `host:port` and starts serving `page` at `GET /metrics`, giving each client
    /// `timeout` seconds to send its request and to read the response; throws with the system's
    /// reason when it cannot listen there.
    init(
        host: String, port: UInt16, timeout: Int = MetricsServer.defaultTimeout,
        page: @escaping @Sendable () async -> [UInt8]
    ) throws(MetricsAddress.Invalid) {
        let address = "\(host):\(port)"
        func failure(_ call: String) -> MetricsAddress.Invalid {
            let reason = String(cString: strerror(errno))
            return MetricsAddress.Invalid(
                text: address, reason: "cannot listen there (\(call): \(reason)); pick a free port or 0")
        }
        var socketAddress = sockaddr_in()
        socketAddress.sin_family = sa_family_t(AF_INET)
        socketAddress.sin_port = port.bigEndian
        guard inet_pton(AF_INET, host, &socketAddress.sin_addr) == 1 else {
            throw MetricsAddress.Invalid(text: address, reason: "the host is not an IPv4 address such as 127.0.0.1")
        }
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard listener >= 0 else { throw failure("socket") }
        var on: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
        let bound = withUnsafePointer(to: &socketAddress) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, Glibc.listen(listener, 64) == 0 else {
            let error = failure(bound == 0 ? "listen" : "bind")
            close(listener)
            throw error
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &socketAddress) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else {
            let error = failure("pipe")
            close(listener)
            throw error
        }
        for end in pipeEnds { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        self.listener = listener
        self.wake = (pipeEnds[0], pipeEnds[1])
        self.port = UInt16(bigEndian: socketAddress.sin_port)
        self.timeout = .seconds(timeout)
        let thread = Thread { [self] in
            acceptLoop(page: page)
            acceptorDone.signal()
        }
        thread.name = "newsbus metrics"
        thread.start()
    }

    /// Stops accepting and waits for the accepting thread (connections being served finish on
    /// their own, within the timeout). Safe to call more than once.
    func stop() {
        guard !stopping.exchange(true, ordering: .acquiringAndReleasing) else { return }
        var byte: UInt8 = 1
        _ = write(wake.write, &byte, 1)
        acceptorDone.wait()
        close(listener)
        close(wake.read)
        close(wake.write)
    }

    private func acceptLoop(page: @escaping @Sendable () async -> [UInt8]) {
        let active = Atomic<Int>(0)
        var polled = [
            pollfd(fd: listener, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0),
        ]
        while true {
            guard poll(&polled, 2, -1) >= 0 else {
                if errno == EINTR { continue }
                return
            }
            if polled[1].revents != 0 { return }
            guard polled[0].revents != 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else {
                // Out of descriptors or a connection gone before it was taken: back off a little
                // rather than spin on a listener that stays readable.
                if errno != EINTR && errno != ECONNABORTED { usleep(10_000) }
                continue
            }
            _ = fcntl(client, F_SETFD, FD_CLOEXEC)
            // Reading the request has its own deadline (`serve`); this bounds each send.
            Self.setTimeout(client, SO_SNDTIMEO, timeout)
            guard active.add(1, ordering: .relaxed).newValue <= Self.connectionLimit else {
                let busy = HTTPExchange.Response.problem(503, "Service Unavailable", "too many scrapes at once; retry")
                Self.send(busy.bytes, to: client)
                close(client)
                active.subtract(1, ordering: .relaxed)
                continue
            }
            let limit = timeout
            let connection = Thread {
                Self.serve(client, within: limit, page: page)
                close(client)
                active.subtract(1, ordering: .relaxed)
            }
            connection.name = "newsbus metrics connection"
            connection.start()
        }
    }

    /// Reads one request head from `client`, answers it and half-closes; a client that sends no
    /// complete head within `limit` in all (a byte now and then does not keep it open) gets
    /// nothing, one whose head is too long a 400.
    private static func serve(_ client: Int32, within limit: Duration, page: @escaping @Sendable () async -> [UInt8]) {
        let deadline = ContinuousClock.now.advanced(by: limit)
        var head: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 2048)
        while HTTPExchange.headEnd(in: head) == nil {
            guard head.count < HTTPExchange.headLimit else {
                send(HTTPExchange.Response.problem(400, "Bad Request", "request head over 8 KiB").bytes, to: client)
                return
            }
            let left = ContinuousClock.now.duration(to: deadline)
            guard left > .zero else { return }
            setTimeout(client, SO_RCVTIMEO, left)
            let received = buffer.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
            if received < 0, errno == EINTR { continue }
            guard received > 0 else { return }
            head += buffer[..<received]
        }
        let request = HTTPExchange.request(head: head)
        let answered = Mutex<[UInt8]?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            let response = await HTTPExchange.response(to: request, page: page)
            answered.withLock { $0 = response.bytes }
            done.signal()
        }
        done.wait()
        send(answered.withLock { $0 } ?? [], to: client)
        // Half-close and let the client close first, so it reads the whole response (no reset):
        // read what it still sends (at most 64 KiB, a second at a time) until it closes.
        shutdown(client, Int32(SHUT_WR))
        setTimeout(client, SO_RCVTIMEO, .seconds(1))
        for _ in 0..<32 {
            guard buffer.withUnsafeMutableBytes({ recv(client, $0.baseAddress, $0.count, 0) }) > 0 else { break }
        }
    }

    private static func send(_ bytes: [UInt8], to client: Int32) {
        var sent = 0
        while sent < bytes.count {
            let written = bytes.withUnsafeBytes {
                Glibc.send(client, $0.baseAddress.unsafelyUnwrapped + sent, bytes.count - sent, Int32(MSG_NOSIGNAL))
            }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return }
            sent += written
        }
    }

    /// Sets the socket timeout `option` (`SO_RCVTIMEO` or `SO_SNDTIMEO`) of `client` to `duration`
    /// (at least a microsecond: zero would mean none).
    private static func setTimeout(_ client: Int32, _ option: Int32, _ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        var limit = timeval(tv_sec: Int(seconds), tv_usec: Int(attoseconds / 1_000_000_000_000))
        if limit.tv_sec == 0, limit.tv_usec == 0 { limit.tv_usec = 1 }
        setsockopt(client, SOL_SOCKET, option, &limit, socklen_t(MemoryLayout<timeval>.size))
    }
}
