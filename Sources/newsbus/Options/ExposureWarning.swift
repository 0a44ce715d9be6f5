import Foundation

/// The loud warning a broker prints when it listens beyond loopback without CURVE.
enum ExposureWarning {
    /// Whether `endpoint` can be reached from other hosts: a `tcp://` endpoint whose host is not
    /// a loopback address (`*`, `0.0.0.0`, an interface name and any other address count as exposed).
    static func isExposed(_ endpoint: String) -> Bool {
        guard endpoint.hasPrefix("tcp://") else { return false }
        var host = String(endpoint.dropFirst("tcp://".count))
        if let colon = host.lastIndex(of: ":") { host = String(host[..<colon]) }
        // A "source;destination" connect form is not a bind, but look at the address part only.
        if let semicolon = host.lastIndex(of: ";") { host = String(host[host.index(after: semicolon)...]) }
        host = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        return !(host == "localhost" || host == "lo" || host == "::1" || host.hasPrefix("127."))
    }

    /// Prints the warning once, on standard error, when any of `endpoints` is exposed.
    static func printIfExposed(_ endpoints: [String]) {
        let exposed = endpoints.filter(isExposed)
        guard !exposed.isEmpty else { return }
        let text = """
            WARNING: the broker listens on \(exposed.joined(separator: ", ")) WITHOUT CURVE.
            WARNING: anyone who reaches this port can submit jobs, register as a worker and read article text.
            WARNING: create keys with `newsbus keygen --out DIR --name broker` (and one pair per worker, aggregator \
            and client host), then start the broker with --curve-secret-key DIR/broker.key \
            --curve-allow DIR-OF-PEER-PUB-FILES;
            WARNING: or bind tcp://127.0.0.1 only.

            """
        FileHandle.standardError.write(Data(text.utf8))
    }
}
