/// Settings for a ``Broker``: where it listens, heartbeats, queue bounds and message limits.
///
/// Every value has a default that suits a small cluster; edit copies with ``with(_:)``.
public struct BrokerConfiguration: Sendable, Hashable {
    /// Endpoints the ROUTER socket binds (default `tcp://127.0.0.1:5555`, loopback only).
    public var bindEndpoints: [String]
    /// How often the broker sends HEARTBEAT to each worker, and expects one back (RFC 18;
    /// default 2.5 s, as majortomo and the zguide use).
    public var heartbeatInterval: Duration
    /// How many intervals may pass without a word from a worker before it is expired
    /// (RFC 18's liveness; default 3, so a worker is expired after 7.5 s of silence).
    public var heartbeatLiveness: Int
    /// How long a worker busy with a request may stay silent before it is expired (default
    /// 300 s). Single-threaded workers such as majortomo's cannot heartbeat while they work.
    public var busyWorkerTimeout: Duration
    /// The most requests one service may have waiting for a worker; past it, the client gets a
    /// ``BrokerErrorReply`` with status 503 (default 10 000).
    public var queueLimit: Int
    /// The most services the broker tracks at once; a request naming a new service past it
    /// gets a 503 (default 1 000). Bounds what clients asking for made-up names can cost.
    public var serviceLimit: Int
    /// How long a request may wait for a worker before the client gets a 504 error reply
    /// (default `nil`: it waits until a worker comes).
    public var requestTimeout: Duration?
    /// The largest frame accepted, in bytes; a peer sending more is disconnected by libzmq
    /// (`ZMQ_MAXMSGSIZE`) and the frame codec rejects it too (default 16 MiB).
    public var maximumMessageSize: Int
    /// The most frames a message may have (default 256).
    public var maximumFrameCount: Int
    /// CurveZMQ encryption and client allow-list (default `nil`: plain TCP, for loopback).
    public var curve: CurveServerConfiguration?
    /// How many requests the broker may hand one worker before its FINAL replies come back
    /// (like AMQP's prefetch; default 1, classic MDP: one request at a time). With more, a
    /// worker's socket queues the extra requests and the worker serves them in order, which
    /// hides the broker-worker round trip; workers get requests in turn. A worker that dies
    /// loses every request it holds (up to this many), and one busy with a slow request
    /// delays the others it holds, so raise it only for many small, quick requests.
    public var workerCredit: Int
    /// The most messages queued for one peer before the broker drops further ones (its
    /// ROUTER's `ZMQ_SNDHWM`; default 1 000, libzmq's; 0: no bound). Only a peer that stops
    /// reading fills it (newsbus's own clients and workers take everything they asked for), and
    /// a drop is logged and counted (`newsbus_broker_messages_dropped_total`), never silent.
    public var peerQueueLimit: Int

    /// A configuration; every parameter has its documented default.
    public init(
        bindEndpoints: [String] = ["tcp://127.0.0.1:5555"],
        heartbeatInterval: Duration = .milliseconds(2500),
        heartbeatLiveness: Int = 3,
        busyWorkerTimeout: Duration = .seconds(300),
        queueLimit: Int = 10_000,
        serviceLimit: Int = 1000,
        requestTimeout: Duration? = nil,
        maximumMessageSize: Int = 16 << 20,
        maximumFrameCount: Int = 256,
        curve: CurveServerConfiguration? = nil,
        workerCredit: Int = 1,
        peerQueueLimit: Int = 1000
    ) {
        self.bindEndpoints = bindEndpoints
        self.heartbeatInterval = heartbeatInterval
        self.heartbeatLiveness = heartbeatLiveness
        self.busyWorkerTimeout = busyWorkerTimeout
        self.queueLimit = queueLimit
        self.serviceLimit = serviceLimit
        self.requestTimeout = requestTimeout
        self.maximumMessageSize = maximumMessageSize
        self.maximumFrameCount = maximumFrameCount
        self.curve = curve
        self.workerCredit = workerCredit
        self.peerQueueLimit = peerQueueLimit
    }

    /// A copy with `edit` applied.
    public func with(_ edit: (inout BrokerConfiguration) -> Void) -> BrokerConfiguration {
        var copy = self
        edit(&copy)
        return copy
    }

    /// How long an idle worker may stay silent: interval × liveness.
    public var workerExpiry: Duration {
        heartbeatInterval * heartbeatLiveness
    }

    /// The frame codec's limits.
    public var frameLimits: FrameLimits {
        FrameLimits(maximumFrameSize: maximumMessageSize, maximumFrameCount: maximumFrameCount)
    }
}
