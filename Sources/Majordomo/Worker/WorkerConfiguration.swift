public import ZeroMQ

/// How a ``WorkerConnection`` reaches the broker and keeps its connection alive.
public struct WorkerConfiguration: Sendable, Hashable {
    /// The broker's endpoint, e.g. `tcp://127.0.0.1:5555`.
    public var brokerEndpoint: String
    /// The service this worker offers, e.g. `newsbus.extract`.
    public var service: ServiceName
    /// How often heartbeats go out when nothing else does (RFC 18 suggests 2.5 s).
    public var heartbeatInterval: Duration
    /// How many silent intervals mean the broker is gone (RFC 18 suggests 3).
    public var heartbeatLiveness: Int
    /// How long to wait before reconnecting after the broker went silent.
    public var reconnectDelay: Duration
    /// The framing to speak: RFC 18 exactly, or the majortomo dialect.
    public var dialect: Dialect
    /// Bounds on the broker's messages; bigger ones are dropped unread by libzmq.
    public var frameLimits: FrameLimits
    /// CurveZMQ: the broker's public key, when the broker requires CURVE.
    public var curveServerKey: CurveKey?
    /// CurveZMQ: this worker's long-term key pair (needed with ``curveServerKey``).
    public var curveKeyPair: CurveKeyPair?

    /// A configuration with RFC 18's suggested timings.
    public init(
        brokerEndpoint: String,
        service: ServiceName,
        heartbeatInterval: Duration = .milliseconds(2500),
        heartbeatLiveness: Int = 3,
        reconnectDelay: Duration = .milliseconds(2500),
        dialect: Dialect = .rfc18,
        frameLimits: FrameLimits = FrameLimits(),
        curveServerKey: CurveKey? = nil,
        curveKeyPair: CurveKeyPair? = nil
    ) {
        self.brokerEndpoint = brokerEndpoint
        self.service = service
        self.heartbeatInterval = heartbeatInterval
        self.heartbeatLiveness = heartbeatLiveness
        self.reconnectDelay = reconnectDelay
        self.dialect = dialect
        self.frameLimits = frameLimits
        self.curveServerKey = curveServerKey
        self.curveKeyPair = curveKeyPair
    }
}
