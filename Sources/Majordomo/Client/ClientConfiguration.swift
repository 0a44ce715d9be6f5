public import ZeroMQ

/// How a ``ClientConnection`` reaches the broker.
public struct ClientConfiguration: Sendable, Hashable {
    /// The broker's endpoint, e.g. `tcp://127.0.0.1:5555`.
    public var brokerEndpoint: String
    /// The framing to speak: RFC 18 exactly, or the majortomo dialect.
    public var dialect: Dialect
    /// Bounds on the broker's replies; bigger ones are dropped unread by libzmq.
    public var frameLimits: FrameLimits
    /// CurveZMQ: the broker's public key, when the broker requires CURVE.
    public var curveServerKey: CurveKey?
    /// CurveZMQ: this client's long-term key pair (needed with ``curveServerKey``).
    public var curveKeyPair: CurveKeyPair?

    /// A configuration speaking RFC 18 to `brokerEndpoint`.
    public init(
        brokerEndpoint: String,
        dialect: Dialect = .rfc18,
        frameLimits: FrameLimits = FrameLimits(),
        curveServerKey: CurveKey? = nil,
        curveKeyPair: CurveKeyPair? = nil
    ) {
        self.brokerEndpoint = brokerEndpoint
        self.dialect = dialect
        self.frameLimits = frameLimits
        self.curveServerKey = curveServerKey
        self.curveKeyPair = curveKeyPair
    }
}
