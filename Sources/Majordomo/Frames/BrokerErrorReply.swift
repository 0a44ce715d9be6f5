/// The convention for errors the broker itself reports to a client.
///
/// MDP 0.2 has no error command, so the broker answers a request it cannot serve with an
/// ordinary client FINAL whose body is exactly two frames: a three-digit status in ASCII and a
/// UTF-8 reason meant for people. Workers' replies are passed through untouched, so clients
/// that never send two-frame bodies starting with a 5xx status can tell the two apart; MMI
/// answers (RFC 8) stay single frames ("200", "404", "501").
public struct BrokerErrorReply: Hashable, Sendable, CustomStringConvertible {
    /// The status, in HTTP's spirit.
    public enum Status: String, Hashable, Sendable, CaseIterable {
        /// The request cannot be queued: the service's queue is full, or the broker is shutting
        /// down. Retry later or add workers.
        case unavailable = "503"
        /// The request waited in the queue longer than the broker allows and was dropped.
        case expired = "504"
    }

    /// What went wrong.
    public var status: Status
    /// A sentence saying what went wrong and what to do.
    public var reason: String

    /// An error reply.
    public init(status: Status, reason: String) {
        self.status = status
        self.reason = reason
    }

    /// Recognises an error reply in a FINAL body; `nil` for anything else.
    public init?(body: [[UInt8]]) {
        guard body.count == 2, let status = Status(rawValue: String(decoding: body[0], as: UTF8.self)) else {
            return nil
        }
        self.init(status: status, reason: String(decoding: body[1], as: UTF8.self))
    }

    /// The FINAL body frames.
    public var body: [[UInt8]] {
        [Array(status.rawValue.utf8), Array(reason.utf8)]
    }

    /// "503: reason".
    public var description: String {
        "\(status.rawValue): \(reason)"
    }
}
