public import Logging
internal import Synchronization
public import ZeroMQ

/// An MDP client: sends requests to services through the broker, many in flight at once, on
/// its own thread.
///
/// MDP carries no request id, so there are two ways to use a connection:
/// * many requests in flight: ``send(service:body:)`` queues a request without waiting, and
///   every reply (PARTIAL and FINAL) arrives on ``replies``; the caller matches replies to
///   requests by something inside the body (the aggregator uses the chunk id);
/// * one question at a time: ``request(service:body:timeout:)`` waits for the FINAL answer.
///   A reply goes to the oldest waiting `request` for its service, so keep to one waiting call
///   per service. When one times out the connection replaces its socket, so a late reply cannot
///   answer a later question; replies still owed to ``send(service:body:)`` are lost then, so
///   keep the two styles on separate connections.
///
/// ``close()`` fails every waiting request with ``ClientConnectionError/closed(broker:)``,
/// finishes ``replies`` and joins the thread.
public final class ClientConnection: Sendable {
    /// How this client reaches the broker.
    public let configuration: ClientConfiguration
    /// Replies no ``request(service:body:timeout:)`` call waits for, in arrival order. In the
    /// majortomo dialect their ``ClientReply/service`` is nil (that dialect does not name it).
    public let replies: AsyncStream<ClientReply>
    private let mailbox: Mailbox<ClientLoop.Command>
    private let threads: LoopThreads
    private let requestCounter = Atomic<UInt64>(0)

    /// Connects to `configuration.brokerEndpoint` (in the background: requests queue until then).
    public convenience init(context: Context, configuration: ClientConfiguration, logger: Logger) {
        self.init(context: context, configuration: configuration, logger: logger, onReplies: nil)
    }

    /// Connects like ``init(context:configuration:logger:)``, but hands the replies no
    /// ``request(service:body:timeout:)`` call waits for to `onReplies`, on the connection's thread,
    /// instead of to ``replies`` (which stays empty): those that arrived together in one call, in
    /// arrival order, as soon as they are read. One thread hop less per reply, and one call per
    /// burst, for a caller that folds replies into its own state. `onReplies` must not block.
    public convenience init(
        context: Context, configuration: ClientConfiguration, logger: Logger,
        onReplies: @escaping @Sendable ([ClientReply]) -> Void
    ) {
        self.init(context: context, configuration: configuration, logger: logger, onReplies: .some(onReplies))
    }

    private init(
        context: Context, configuration: ClientConfiguration, logger: Logger,
        onReplies: (@Sendable ([ClientReply]) -> Void)?
    ) {
        self.configuration = configuration
        let (replies, continuation) = AsyncStream.makeStream(of: ClientReply.self)
        self.replies = replies
        let mailbox = Mailbox<ClientLoop.Command>()
        self.mailbox = mailbox
        let deliver: @Sendable ([ClientReply]) -> Void =
            onReplies ?? { replies in
                for reply in replies { continuation.yield(reply) }
            }
        threads = LoopThreads(name: "mdp client") {
            ClientLoop(
                context: context, configuration: configuration, mailbox: mailbox, replies: continuation,
                deliver: deliver, logger: logger
            ).run()
        }
    }

    /// Queues a request for `service` and returns at once; its replies come on ``replies``.
    /// Throws only when the connection is closed. If the broker cannot take more messages the
    /// request is dropped and logged: give every request a deadline and retry.
    public func send(service: ServiceName, body: [[UInt8]]) throws(ClientConnectionError) {
        guard mailbox.post(.send(ClientRequest(service: service, body: body))) else {
            throw .closed(broker: configuration.brokerEndpoint)
        }
    }

    /// Sends a request and waits for its FINAL reply; returns every body frame (those of any
    /// PARTIAL replies first). Throws ``ClientConnectionError``: ``ClientConnectionError/timedOut(service:timeout:broker:)``
    /// when no answer comes in time, and the broker's or worker's error replies as errors.
    /// Cancelling the calling task ends the wait at once with `CancellationError`.
    public func request(service: ServiceName, body: [[UInt8]], timeout: Duration = .seconds(30)) async throws
        -> [[UInt8]]
    {
        try Task.checkCancellation()
        let request = ClientRequest(service: service, body: body)
        let broker = configuration.brokerEndpoint
        let id = requestCounter.wrappingAdd(1, ordering: .relaxed).newValue
        let mailbox = mailbox
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let caller = ClientLoop.Caller(id: id, continuation: continuation)
                if !mailbox.post(.request(request, timeout: timeout, caller: caller)) {
                    continuation.resume(throwing: ClientConnectionError.closed(broker: broker))
                }
            }
        } onCancel: {
            _ = mailbox.post(.cancel(id: id))
        }
    }

    /// Asks the broker whether `service` has workers (`mmi.service`, RFC 8): true for "200",
    /// false for "404".
    public func isServiceAvailable(_ service: ServiceName, timeout: Duration = .seconds(5)) async throws -> Bool {
        let reply = try await request(service: ManagementService.service, body: [service.bytes], timeout: timeout)
        switch reply.first.map({ String(decoding: $0, as: UTF8.self) }) {
        case "200": return true
        case "404": return false
        case let other:
            throw ClientConnectionError.unexpectedReply(
                service: ManagementService.service,
                reason: "expected \"200\" or \"404\", got \(other.map { "\"\($0)\"" } ?? "no frame")")
        }
    }

    /// Fails waiting requests, finishes ``replies``, closes the socket and joins the thread.
    /// Safe to call more than once.
    public func close() {
        _ = mailbox.post(.close)
        threads.join()
    }

    deinit {
        _ = mailbox.post(.close)
    }
}

/// Names of the Majordomo Management Interface (RFC 8) services clients use.
public enum ManagementService {
    /// `mmi.service`: "200" if the service named in the body has workers, "404" if not.
    public static let service: ServiceName = "mmi.service"
}
