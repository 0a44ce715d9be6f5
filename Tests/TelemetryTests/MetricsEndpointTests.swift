import CoreMetrics
import Foundation

#if canImport(Glibc)
import Glibc
#endif
import Prometheus
import Synchronization
import Testing

@testable import Telemetry

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The /metrics page over real HTTP on a free loopback port.
@Suite("Metrics endpoint")
struct MetricsEndpointTests {
    func scrape(_ endpoint: MetricsEndpoint) async throws -> String {
        let url = try #require(URL(string: "http://\(endpoint.address)/metrics"))
        let (data, response) = try await URLSession.shared.data(from: url)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        return String(decoding: data, as: UTF8.self)
    }

    @Test("Serves counters, sampled gauges and RSS in the Prometheus text format; values move")
    func scrapes() async throws {
        let registry = PrometheusCollectorRegistry()
        let counter = registry.counter("test_requests_total", help: "Requests.")
        let sampled = Sampled()
        let gauge = registry.gauge("test_queue_depth", help: "Queue depth.")
        let endpoint = try await MetricsEndpoint.start(
            at: try MetricsAddress(parsing: "127.0.0.1:0"), registry: registry
        ) { gauge.set(Double(sampled.next())) }
        defer { Task { await endpoint.stop() } }
        #expect(endpoint.address.port != 0)

        counter.increment()
        let first = try await scrape(endpoint)
        #expect(first.contains("# TYPE test_requests_total counter"))
        #expect(first.contains("test_requests_total 1"))
        #expect(first.contains("test_queue_depth 1"))
        let rss = try #require(first.split(separator: "\n").first { $0.hasPrefix("process_resident_memory_bytes ") })
        #expect((Double(rss.split(separator: " ")[1]) ?? 0) > 0)

        counter.increment(by: Int64(4))
        let second = try await scrape(endpoint)
        #expect(second.contains("test_requests_total 5"))
        #expect(second.contains("test_queue_depth 2"))
    }

    @Test("Addresses: HOST:PORT with an IPv4 host; anything else names the problem", arguments: [
        ("127.0.0.1:9464", true), ("localhost:0", true), ("0.0.0.0:80", true),
        ("9464", false), ("127.0.0.1:99999", false), ("example.com:80", false), ("127.0.0.1:", false),
    ])
    func addresses(text: String, valid: Bool) {
        #expect(((try? MetricsAddress(parsing: text)) != nil) == valid)
    }

    @Test("A port in use is a clear error")
    func portInUse() async throws {
        let first = try await MetricsEndpoint.start(
            at: try MetricsAddress(parsing: "127.0.0.1:0"), registry: PrometheusCollectorRegistry())
        defer { Task { await first.stop() } }
        await #expect(throws: MetricsAddress.Invalid.self) {
            _ = try await MetricsEndpoint.start(at: first.address, registry: PrometheusCollectorRegistry())
        }
    }
}

/// A gauge value that counts up at each sample, shared with the server's tasks.
final class Sampled: Sendable {
    private let value = Atomic<Int>(0)

    func next() -> Int {
        value.add(1, ordering: .relaxed).newValue
    }
}

/// The server over real sockets: what a scraper, a browser, a port scanner or a stuck client sees.
@Suite("Metrics server")
struct MetricsServerTests {
    static func start() async throws -> MetricsEndpoint {
        try await MetricsEndpoint.start(at: try MetricsAddress(parsing: "127.0.0.1:0"), registry: PrometheusCollectorRegistry())
    }

    @Test("Other paths are 404 and other methods 405, with a reason; the server keeps serving")
    func wrongRequests() async throws {
        let endpoint = try await Self.start()
        defer { Task { await endpoint.stop() } }
        let missing = try await RawHTTP.exchange(port: endpoint.address.port, "GET /favicon.ico HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(missing.hasPrefix("HTTP/1.1 404 Not Found\r\n"))
        #expect(missing.contains("the metrics are at /metrics"))
        let post = try await RawHTTP.exchange(port: endpoint.address.port, "POST /metrics HTTP/1.1\r\nContent-Length: 0\r\n\r\n")
        #expect(post.hasPrefix("HTTP/1.1 405 Method Not Allowed\r\n") && post.contains("Allow: GET\r\n"))
        let garbage = try await RawHTTP.exchange(port: endpoint.address.port, "\u{16}\u{03}\u{01} hello\r\n\r\n")
        #expect(garbage.hasPrefix("HTTP/1.1 400 Bad Request\r\n"))
        let page = try await RawHTTP.exchange(port: endpoint.address.port, "GET /metrics HTTP/1.0\r\n\r\n")
        #expect(page.hasPrefix("HTTP/1.1 200 OK\r\n") && page.contains("process_resident_memory_bytes "))
    }

    @Test("A client that connects and says nothing does not hold up a scrape")
    func silentClient() async throws {
        // A timeout far beyond any scrape, so the server cannot have dropped the silent client
        // before answering the other, however slow this machine is.
        let server = try MetricsServer(host: "127.0.0.1", port: 0, timeout: 300) { Array("metric 1\n".utf8) }
        defer { server.stop() }
        let silent = try RawHTTP.connect(port: server.port)
        defer { close(silent) }
        let page = try await RawHTTP.exchange(port: server.port, "GET /metrics HTTP/1.1\r\n\r\n")
        #expect(page.hasPrefix("HTTP/1.1 200 OK\r\n") && page.hasSuffix("\r\n\r\nmetric 1\n"))
        // Served while the silent one is still connected, not after the server gave up on it.
        var byte: UInt8 = 0
        #expect(recv(silent, &byte, 1, Int32(MSG_DONTWAIT)) == -1 && errno == EAGAIN)
    }

    @Test("A client that trickles its request a byte at a time is cut off when its time is up")
    func tricklingClient() async throws {
        let server = try MetricsServer(host: "127.0.0.1", port: 0, timeout: 1) { [] }
        defer { server.stop() }
        let request = Array("GET /metrics HTTP/1.1\r\nHost: a-long-enough-name.example\r\n\r\n".utf8)
        // One byte every 200 ms would take ~10 s; each byte comes well within the 1 s timeout.
        let sent = try await RawHTTP.onThread {
            let fd = try RawHTTP.connect(port: server.port)
            defer { close(fd) }
            for (index, byte) in request.enumerated() {
                var probe: UInt8 = 0
                if recv(fd, &probe, 1, Int32(MSG_DONTWAIT)) == 0 { return index }  // the server closed
                var value = byte
                _ = send(fd, &value, 1, Int32(MSG_NOSIGNAL))
                usleep(200_000)
            }
            return request.count
        }
        #expect(sent < request.count, "the server waited for the whole trickled request")
    }

    @Test("After stop the port no longer accepts")
    func stops() async throws {
        let endpoint = try await Self.start()
        let port = endpoint.address.port
        await endpoint.stop()
        #expect(throws: RawHTTP.Failure.self) { try RawHTTP.connect(port: port) }
    }
}

/// A bare TCP client for the server tests (bytes exactly as given).
enum RawHTTP {
    struct Failure: Error {
        let call: String
    }

    static func connect(port: UInt16) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(call: "socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            throw Failure(call: "connect")
        }
        return fd
    }

    /// Sends `request`, reads until the server closes, returns what it said. The blocking calls run
    /// on a thread of their own: on Swift concurrency's pool they could starve the server's tasks.
    static func exchange(port: UInt16, _ request: String) async throws -> String {
        try await onThread { try blockingExchange(port: port, request) }
    }

    /// Runs blocking socket work on a thread of its own and returns its result.
    static func onThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }

    private static func blockingExchange(port: UInt16, _ request: String) throws -> String {
        let fd = try connect(port: port)
        defer { close(fd) }
        var limit = timeval(tv_sec: 120, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        let bytes = Array(request.utf8)
        guard bytes.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == bytes.count else {
            throw Failure(call: "send")
        }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let received = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard received > 0 else { break }
            response += buffer[..<received]
        }
        return String(decoding: response, as: UTF8.self)
    }
}
