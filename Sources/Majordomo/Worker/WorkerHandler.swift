/// Answers one request on a ``WorkerConnection``'s thread: takes the request body frames and
/// returns the FINAL reply body. It may call `partial` any number of times first to stream
/// PARTIAL replies. It runs synchronously on the connection's thread (no heartbeats go out
/// meanwhile, so keep each call well under the broker's expiry). A thrown error is logged and
/// answered with ``WorkerFailure/body(service:error:)``; the worker keeps serving.
public typealias WorkerHandler =
    @Sendable (_ body: [[UInt8]], _ partial: (_ body: [[UInt8]]) -> Void) throws -> [[UInt8]]

/// Answers the REQUESTs that were waiting together in a ``WorkerConnection``'s socket, at once, on
/// its thread: takes their bodies in arrival order and returns one FINAL body (or the error to
/// answer with ``WorkerFailure/body(service:error:)``) per request, in the same order. More than
/// one request waits only when the broker hands a worker several (worker credit above 1), so
/// with a classic MDP broker every call holds one body. For handlers that do per-request work
/// cheaper in bulk; no PARTIALs. The worker sends no heartbeats during a call: keep a batch well
/// under the broker's expiry.
public typealias WorkerBatchHandler =
    @Sendable (_ bodies: [[[UInt8]]]) -> [Result<[[UInt8]], any Error>]

/// The reply a worker sends when its handler throws, so the client is answered at once instead
/// of waiting for its timeout.
///
/// Two frames, like the broker's own error replies (``BrokerErrorReply``): status "500" and a
/// UTF-8 sentence naming the service and the error.
public enum WorkerFailure {
    /// The status frame's text.
    public static let status = "500"

    /// The FINAL body answering a request whose handler threw `error`.
    public static func body(service: ServiceName, error: any Error) -> [[UInt8]] {
        [Array(status.utf8), Array("the '\(service)' worker failed on this request: \(error)".utf8)]
    }

    /// The reason, if `body` is a handler failure reply.
    public static func reason(in body: [[UInt8]]) -> String? {
        guard body.count == 2, body[0] == Array(status.utf8) else { return nil }
        return String(decoding: body[1], as: UTF8.self)
    }
}
