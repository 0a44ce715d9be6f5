internal import CZeroMQ

#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// A failed libzmq call: the `errno` it reported and the operation that failed.
///
/// Reads like `zmq_bind(tcp://0.0.0.0:5555): Address already in use (errno 98)`. Match a kind of
/// failure with the named statics, which compare by code only:
/// `catch ZMQError.terminated { … }` or `if error.code == ZMQError.wouldBlock.code { … }`.
public struct ZMQError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The `errno` value libzmq reported (`zmq_errno()`).
    public let code: Int32
    /// The call that failed, with its most useful argument, e.g. `zmq_bind(tcp://127.0.0.1:5555)`.
    public let operation: String

    /// Creates an error from an `errno` value and the operation that produced it.
    public init(code: Int32, operation: String) {
        self.code = code
        self.operation = operation
    }

    /// A blocking call was interrupted by a signal (`EINTR`); `call(_:_:)` retries these.
    public static let interrupted = ZMQError(code: EINTR, operation: "")
    /// The context was shut down or terminated (`ETERM`): stop using its sockets and close them.
    public static let terminated = ZMQError(code: zmqErrorTerminated, operation: "")
    /// A non-blocking call could not complete now (`EAGAIN`).
    public static let wouldBlock = ZMQError(code: EAGAIN, operation: "")
    /// The peer named in a ROUTER send is not connected (`EHOSTUNREACH`, with `ROUTER_MANDATORY`).
    public static let hostUnreachable = ZMQError(code: EHOSTUNREACH, operation: "")
    /// An argument was invalid (`EINVAL`), e.g. a malformed endpoint or option value.
    public static let invalidArgument = ZMQError(code: EINVAL, operation: "")

    /// libzmq's own text for the code (`zmq_strerror`).
    public var message: String {
        String(cString: zmq_strerror(code))
    }

    /// "operation: message (errno N)".
    public var description: String {
        operation.isEmpty ? "\(message) (errno \(code))" : "\(operation): \(message) (errno \(code))"
    }

    /// True when both errors carry the same code, whatever the operation.
    public func hasSameCode(as other: ZMQError) -> Bool {
        code == other.code
    }

    /// Lets `catch ZMQError.terminated` match any error with that code.
    public static func ~= (pattern: ZMQError, value: any Error) -> Bool {
        guard let error = value as? ZMQError else { return false }
        return error.code == pattern.code
    }

    /// The error libzmq reports right now, for `operation`.
    static func current(_ operation: String) -> ZMQError {
        ZMQError(code: zmq_errno(), operation: operation)
    }
}

/// `ETERM` as libzmq defines it (`ZMQ_HAUSNUMERO + 53`).
let zmqErrorTerminated: Int32 = ETERM
