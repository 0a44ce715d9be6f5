import Testing

@testable import Telemetry

/// The metrics server's HTTP, without sockets: heads, request lines, routes and response bytes.
@Suite("HTTP exchange")
struct HTTPExchangeTests {
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test("A head ends at the first blank line, and not before it has all arrived")
    func headEnd() {
        #expect(HTTPExchange.headEnd(in: Self.bytes("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\nrest")) == 34)
        #expect(HTTPExchange.headEnd(in: Self.bytes("GET /metrics HTTP/1.1\r\nHost: x\r\n")) == nil)
        #expect(HTTPExchange.headEnd(in: Self.bytes("\r\n\r")) == nil)
        #expect(HTTPExchange.headEnd(in: []) == nil)
    }

    @Test("Request lines: method and path (query dropped); anything else is malformed", arguments: [
        ("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n", HTTPExchange.Request.valid(method: "GET", path: "/metrics")),
        ("GET /metrics?name[]=x HTTP/1.0\r\n\r\n", .valid(method: "GET", path: "/metrics")),
        ("POST /other HTTP/1.1\r\n\r\n", .valid(method: "POST", path: "/other")),
        ("GET /metrics HTTP/2.0\r\n\r\n", .malformed),
        ("GET  /metrics HTTP/1.1\r\n\r\n", .malformed),
        ("get /metrics HTTP/1.1\r\n\r\n", .malformed),
        ("GET metrics HTTP/1.1\r\n\r\n", .malformed),
        ("\r\n\r\n", .malformed),
        ("\u{16}\u{03}\u{01}\u{02}\u{00}\r\n\r\n", .malformed),
    ])
    func requestLines(head: String, expected: HTTPExchange.Request) {
        #expect(HTTPExchange.request(head: Self.bytes(head)) == expected)
    }

    @Test("Invalid UTF-8 in the request line is malformed, not a crash")
    func invalidUTF8() {
        #expect(HTTPExchange.request(head: [0x47, 0x45, 0x54, 0x20, 0x2f, 0xff, 0x20] + Self.bytes("HTTP/1.1\r\n\r\n")) == .malformed)
    }

    @Test("Routes: GET /metrics is the page; other paths 404, other methods 405, garbage 400")
    func routes() async {
        var calls = 0
        func page() async -> [UInt8] {
            calls += 1
            return Self.bytes("metric 1\n")
        }
        let ok = await HTTPExchange.response(to: .valid(method: "GET", path: "/metrics"), page: page)
        #expect(ok.status == 200 && ok.body == Self.bytes("metric 1\n"))
        #expect(ok.contentType == "text/plain; version=0.0.4; charset=utf-8")
        let missing = await HTTPExchange.response(to: .valid(method: "GET", path: "/"), page: page)
        #expect(missing.status == 404)
        #expect(String(decoding: missing.body, as: UTF8.self).contains("/metrics"))
        let post = await HTTPExchange.response(to: .valid(method: "POST", path: "/metrics"), page: page)
        #expect(post.status == 405 && post.extraHeaders == ["Allow: GET"])
        let bad = await HTTPExchange.response(to: .malformed, page: page)
        #expect(bad.status == 400)
        #expect(calls == 1, "the page is rendered only for GET /metrics")
    }

    @Test("Response bytes: status line, length, close, then the body")
    func responseBytes() {
        let response = HTTPExchange.Response(status: 200, reason: "OK", body: Self.bytes("abc"))
        #expect(
            String(decoding: response.bytes, as: UTF8.self)
                == "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc")
    }
}
