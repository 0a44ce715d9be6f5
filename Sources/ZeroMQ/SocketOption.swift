internal import CZeroMQ

/// A socket option this wrapper can set, with its value in Swift terms.
public enum SocketOption: Sendable {
    /// How long unsent messages are kept after close (`ZMQ_LINGER`).
    case linger(Duration)
    /// Queue limit, in messages, for outgoing messages per peer (`ZMQ_SNDHWM`; 0 = unlimited).
    case sendHighWaterMark(Int32)
    /// Queue limit, in messages, for incoming messages per peer (`ZMQ_RCVHWM`; 0 = unlimited).
    case receiveHighWaterMark(Int32)
    /// The identity a ROUTER peer sees for this socket (`ZMQ_ROUTING_ID`, 1 to 255 bytes).
    case routingID([UInt8])
    /// How long a blocking receive waits before returning nothing (`ZMQ_RCVTIMEO`; nil = forever).
    case receiveTimeout(Duration?)
    /// How long a blocking send waits before giving up (`ZMQ_SNDTIMEO`; nil = forever).
    case sendTimeout(Duration?)
    /// The largest inbound frame accepted; a peer sending more is disconnected
    /// (`ZMQ_MAXMSGSIZE`; nil = unlimited).
    case maxMessageSize(Int64?)
    /// Acts as the CURVE server (`ZMQ_CURVE_SERVER`); needs ``curveSecretKey(_:)`` too.
    case curveServer(Bool)
    /// This socket's long-term CURVE public key (`ZMQ_CURVE_PUBLICKEY`).
    case curvePublicKey(CurveKey)
    /// This socket's long-term CURVE secret key (`ZMQ_CURVE_SECRETKEY`).
    case curveSecretKey(CurveKey)
    /// The server's public key, set on a CURVE client (`ZMQ_CURVE_SERVERKEY`).
    case curveServerKey(CurveKey)
    /// The ZAP authentication domain (`ZMQ_ZAP_DOMAIN`).
    case zapDomain(String)
    /// ROUTER: fail with ``ZMQError/hostUnreachable`` instead of dropping unroutable messages
    /// (`ZMQ_ROUTER_MANDATORY`).
    case routerMandatory(Bool)
    /// Queue messages only to completed connections (`ZMQ_IMMEDIATE`).
    case immediate(Bool)
    /// Delay before reconnecting after a lost connection (`ZMQ_RECONNECT_IVL`).
    case reconnectInterval(Duration)
    /// How often libzmq sends a ZMTP PING on each connection (`ZMQ_HEARTBEAT_IVL`; zero: never).
    case heartbeatInterval(Duration)
    /// How long libzmq waits for any traffic after a PING before it closes the connection
    /// (`ZMQ_HEARTBEAT_TIMEOUT`).
    case heartbeatTimeout(Duration)

    var name: String {
        switch self {
        case .linger: "ZMQ_LINGER"
        case .sendHighWaterMark: "ZMQ_SNDHWM"
        case .receiveHighWaterMark: "ZMQ_RCVHWM"
        case .routingID: "ZMQ_ROUTING_ID"
        case .receiveTimeout: "ZMQ_RCVTIMEO"
        case .sendTimeout: "ZMQ_SNDTIMEO"
        case .maxMessageSize: "ZMQ_MAXMSGSIZE"
        case .curveServer: "ZMQ_CURVE_SERVER"
        case .curvePublicKey: "ZMQ_CURVE_PUBLICKEY"
        case .curveSecretKey: "ZMQ_CURVE_SECRETKEY"
        case .curveServerKey: "ZMQ_CURVE_SERVERKEY"
        case .zapDomain: "ZMQ_ZAP_DOMAIN"
        case .routerMandatory: "ZMQ_ROUTER_MANDATORY"
        case .immediate: "ZMQ_IMMEDIATE"
        case .reconnectInterval: "ZMQ_RECONNECT_IVL"
        case .heartbeatInterval: "ZMQ_HEARTBEAT_IVL"
        case .heartbeatTimeout: "ZMQ_HEARTBEAT_TIMEOUT"
        }
    }

    /// The libzmq option number and its value as bytes.
    var encoded: (option: Int32, value: [UInt8]) {
        switch self {
        case .linger(let duration): (ZMQ_LINGER, Self.bytes(duration.wholeMilliseconds))
        case .sendHighWaterMark(let count): (ZMQ_SNDHWM, Self.bytes(count))
        case .receiveHighWaterMark(let count): (ZMQ_RCVHWM, Self.bytes(count))
        case .routingID(let identity): (ZMQ_ROUTING_ID, identity)
        case .receiveTimeout(let timeout): (ZMQ_RCVTIMEO, Self.bytes(timeout?.wholeMilliseconds ?? -1))
        case .sendTimeout(let timeout): (ZMQ_SNDTIMEO, Self.bytes(timeout?.wholeMilliseconds ?? -1))
        case .maxMessageSize(let limit): (ZMQ_MAXMSGSIZE, Self.bytes(limit ?? -1))
        case .curveServer(let on): (ZMQ_CURVE_SERVER, Self.bytes(Int32(on ? 1 : 0)))
        case .curvePublicKey(let key): (ZMQ_CURVE_PUBLICKEY, key.bytes)
        case .curveSecretKey(let key): (ZMQ_CURVE_SECRETKEY, key.bytes)
        case .curveServerKey(let key): (ZMQ_CURVE_SERVERKEY, key.bytes)
        case .zapDomain(let domain): (ZMQ_ZAP_DOMAIN, Array(domain.utf8))
        case .routerMandatory(let on): (ZMQ_ROUTER_MANDATORY, Self.bytes(Int32(on ? 1 : 0)))
        case .immediate(let on): (ZMQ_IMMEDIATE, Self.bytes(Int32(on ? 1 : 0)))
        case .reconnectInterval(let interval): (ZMQ_RECONNECT_IVL, Self.bytes(interval.wholeMilliseconds))
        case .heartbeatInterval(let interval): (ZMQ_HEARTBEAT_IVL, Self.bytes(interval.wholeMilliseconds))
        case .heartbeatTimeout(let timeout): (ZMQ_HEARTBEAT_TIMEOUT, Self.bytes(timeout.wholeMilliseconds))
        }
    }

    private static func bytes<Value: FixedWidthInteger>(_ value: Value) -> [UInt8] {
        withUnsafeBytes(of: value) { Array($0) }
    }
}

extension Duration {
    /// Milliseconds, rounded up so a short positive wait never becomes "don't wait", clamped to
    /// what libzmq's `int` options hold.
    var wholeMilliseconds: Int32 {
        let (seconds, attoseconds) = components
        let total = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: max(total, 0))
    }
}
