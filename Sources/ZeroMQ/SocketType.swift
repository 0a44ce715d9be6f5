internal import CZeroMQ

/// The ZeroMQ socket patterns this wrapper supports.
public enum SocketType: Sendable, CaseIterable, CustomStringConvertible {
    /// Addresses peers by routing id; the first frame of each message names the peer.
    case router
    /// Load-balances outgoing messages and fair-queues incoming ones, with no envelope.
    case dealer
    /// Exactly one peer; used for `inproc://` control channels between threads.
    case pair
    /// Strict request-reply client (send, receive, send, …).
    case request
    /// Strict request-reply server (receive, send, receive, …).
    case reply

    var rawValue: Int32 {
        switch self {
        case .router: ZMQ_ROUTER
        case .dealer: ZMQ_DEALER
        case .pair: ZMQ_PAIR
        case .request: ZMQ_REQ
        case .reply: ZMQ_REP
        }
    }

    /// The libzmq name, e.g. `ROUTER`.
    public var description: String {
        switch self {
        case .router: "ROUTER"
        case .dealer: "DEALER"
        case .pair: "PAIR"
        case .request: "REQ"
        case .reply: "REP"
        }
    }
}
