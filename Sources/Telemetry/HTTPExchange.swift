/// The HTTP/1.x that the metrics server speaks, without sockets: the request head it reads and
/// the response it writes. One route, `GET /metrics`; every response closes the connection.
enum HTTPExchange {
    /// The most bytes a request head (request line and headers) may take.
    static let headLimit = 8192

    /// What a request asks for, from its head (the bytes before the blank line).
    enum Request: Equatable {
        /// `METHOD PATH HTTP/1.x`, the path without its query.
        case valid(method: String, path: String)
        /// Not an HTTP/1.x request line.
        case malformed
    }

    /// A response: status line, the headers every response has, and the body.
    struct Response: Equatable {
        let status: Int
        let reason: String
        let contentType: String
        let extraHeaders: [String]
        let body: [UInt8]

        init(
            status: Int, reason: String, contentType: String = "text/plain; charset=utf-8", extraHeaders: [String] = [],
            body: [UInt8]
        ) {
            self.status = status
            self.reason = reason
            self.contentType = contentType
            self.extraHeaders = extraHeaders
            self.body = body
        }

        /// A plain-text response saying what went wrong and what to do.
        static func problem(_ status: Int, _ reason: String, _ text: String, extraHeaders: [String] = []) -> Response {
            Response(status: status, reason: reason, extraHeaders: extraHeaders, body: Array((text + "\n").utf8))
        }

        /// The bytes on the wire.
        var bytes: [UInt8] {
            var head = "HTTP/1.1 \(status) \(reason)\r\n"
            head += "Content-Type: \(contentType)\r\nContent-Length: \(body.count)\r\n"
            for header in extraHeaders { head += header + "\r\n" }
            head += "Connection: close\r\n\r\n"
            return Array(head.utf8) + body
        }
    }

    /// The end of the head in `bytes` (the index just past `\r\n\r\n`), or `nil` when it has not
    /// all arrived.
    static func headEnd(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 3..<bytes.count
        where bytes[index] == 10 && bytes[index - 1] == 13 && bytes[index - 2] == 10 && bytes[index - 3] == 13 {
            return index + 1
        }
        return nil
    }

    /// Parses the request line of `head`.
    static func request(head: some Collection<UInt8>) -> Request {
        let line = head.prefix { $0 != 13 && $0 != 10 }
        let parts = line.split(separator: 32, omittingEmptySubsequences: false)
        guard parts.count == 3, let method = String(validating: parts[0], as: UTF8.self),
            let target = String(validating: parts[1], as: UTF8.self),
            let version = String(validating: parts[2], as: UTF8.self),
            version == "HTTP/1.1" || version == "HTTP/1.0",
            !method.isEmpty, method.utf8.allSatisfy({ (65...90).contains($0) }), target.hasPrefix("/")
        else { return .malformed }
        let path = target.prefix { $0 != "?" && $0 != "#" }
        return .valid(method: method, path: String(path))
    }

    /// The response to `request`, with `page` (the metrics in the Prometheus text format) for the
    /// one route; `page` is only called for that route.
    static func response(to request: Request, page: () async -> [UInt8]) async -> Response {
        guard case .valid(let method, let path) = request else {
            return .problem(400, "Bad Request", "not an HTTP/1.x request; GET /metrics")
        }
        guard path == "/metrics" else {
            return .problem(404, "Not Found", "nothing at \(path); the metrics are at /metrics")
        }
        guard method == "GET" else {
            return .problem(
                405, "Method Not Allowed", "\(method) is not served; GET /metrics", extraHeaders: ["Allow: GET"])
        }
        return Response(
            status: 200, reason: "OK", contentType: "text/plain; version=0.0.4; charset=utf-8", body: await page())
    }
}
