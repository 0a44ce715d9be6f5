public import ZeroMQ

/// CurveZMQ settings for a broker that accepts peers from other hosts: traffic is encrypted,
/// and, with an allow-list, only known client keys may connect.
public struct CurveServerConfiguration: Sendable, Hashable {
    /// The broker's long-term secret key (its public key is what peers configure).
    public var secretKey: CurveKey
    /// Public keys of the clients and workers allowed to connect; `nil` admits any peer that
    /// knows the broker's public key (encryption without authentication).
    public var allowedClientKeys: Set<CurveKey>?

    /// CURVE with `secretKey`, admitting `allowedClientKeys` (or anyone, if `nil`).
    public init(secretKey: CurveKey, allowedClientKeys: Set<CurveKey>? = nil) {
        self.secretKey = secretKey
        self.allowedClientKeys = allowedClientKeys
    }
}
