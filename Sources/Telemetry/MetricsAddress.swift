/// Where a role serves its Prometheus metrics: `HOST:PORT` (`127.0.0.1:9464`, `[::1]:9464`;
/// port 0 picks a free one). Only IPv4 literal addresses and `localhost` are served.
public struct MetricsAddress: Hashable, Sendable, CustomStringConvertible {
    /// The IPv4 address to listen on.
    public let host: String
    /// The TCP port (0: any free port).
    public let port: UInt16

    /// Why a `--metrics` value is not usable.
    public struct Invalid: Error, CustomStringConvertible {
        /// The value given.
        public let text: String
        /// What is wrong with it.
        public let reason: String

        /// The problem and the expected form.
        public var description: String {
            "invalid metrics address '\(text)': \(reason); give HOST:PORT such as 127.0.0.1:9464"
        }
    }

    /// Parses `HOST:PORT`; `localhost` means 127.0.0.1.
    public init(parsing text: String) throws(Invalid) {
        guard let colon = text.lastIndex(of: ":") else {
            throw Invalid(text: text, reason: "no ':' before the port")
        }
        var host = String(text[..<colon])
        guard let port = UInt16(text[text.index(after: colon)...]) else {
            throw Invalid(text: text, reason: "the port is not a number from 0 to 65535")
        }
        if host == "localhost" { host = "127.0.0.1" }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts.allSatisfy({ UInt8($0) != nil }) else {
            throw Invalid(text: text, reason: "the host is not an IPv4 address such as 127.0.0.1")
        }
        self.host = host
        self.port = port
    }

    /// `HOST:PORT`.
    public var description: String { "\(host):\(port)" }
}
