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
    /// For a batch handler under a broker that hands this worker several requests at once
    /// (worker credit above 1): how full a batch to wait for, and how long. Nil (the default)
    /// serves whatever is waiting at once, right for a classic MDP broker that sends one at a time.
    public var batchGathering: BatchGathering?
    /// For a batch handler: a batch takes no more requests once their bodies hold this many bytes
    /// (default 1 MiB, about a second of extraction), so a broker handing out many big requests
    /// cannot make one batch outlast the heartbeats, which go out between batches.
    public var batchByteLimit: Int = 1 << 20

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
        curveKeyPair: CurveKeyPair? = nil,
        batchGathering: BatchGathering? = nil
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
        self.batchGathering = batchGathering
    }
}

/// How a worker with a batch handler fills its batches: when fewer than ``size`` requests are
/// waiting, it keeps receiving for up to ``patience`` (counted from the batch's first request, and
/// never past the next heartbeat) before serving what it has.
///
/// Without it a worker holding several requests falls into a rhythm of one big and one small batch:
/// the replies to a big batch come back as new requests while the small one is served. ``size``
/// should be the broker's worker credit (more never arrive at once); when it is not known, `nil`
/// gathers up to the most requests this worker has found waiting together since it connected,
/// which is the credit once the broker has handed it a full load, and 1 (no waiting at all) under
/// a classic MDP broker. ``patience`` should be a fraction of one request's work.
public struct BatchGathering: Sendable, Hashable {
    /// Serve at once when this many requests are waiting; `nil`: as many as have been seen waiting
    /// together.
    public var size: Int?
    /// The longest a request waits for others to join its batch.
    public var patience: Duration

    /// Waits for up to `size` requests (nil: as many as seen waiting together), `patience` at most.
    public init(size: Int? = nil, patience: Duration) {
        self.size = size.map { max(1, $0) }
        self.patience = max(.zero, patience)
    }
}
