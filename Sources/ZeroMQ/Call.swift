internal import CZeroMQ

#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Runs one libzmq call, the only place that interprets its `-1` results.
///
/// Retries `EINTR` (a signal arrived while blocked), returns `nil` for `EAGAIN` (non-blocking call
/// with nothing to do, or a receive timeout expired) and throws every other failure as a
/// ``ZMQError`` naming `operation`. The operation text is built only when an error is thrown.
@discardableResult
func call(_ operation: @autoclosure () -> String, _ body: () -> Int32) throws(ZMQError) -> Int32? {
    while true {
        let result = body()
        if result != -1 { return result }
        let code = zmq_errno()
        switch code {
        case EINTR:
            continue
        case EAGAIN:
            return nil
        default:
            throw ZMQError(code: code, operation: operation())
        }
    }
}

/// Runs `body`, which throws only ``ZMQError``, inside a standard library closure that merely
/// `rethrows` (such as `withUnsafeBytes`), without losing the error type.
@discardableResult
func typed<Result>(_ body: () -> Swift.Result<Result, ZMQError>) throws(ZMQError) -> Result {
    try body().get()
}
