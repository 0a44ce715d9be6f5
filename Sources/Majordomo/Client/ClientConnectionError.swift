/// Why a ``ClientConnection`` request got no usable answer.
public enum ClientConnectionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No FINAL reply came within the request's timeout.
    case timedOut(service: ServiceName, timeout: Duration, broker: String)
    /// The connection was closed (or its context shut down) before the reply came.
    case closed(broker: String)
    /// The connection dropped its socket because another request timed out; this request's
    /// reply would have been lost with it.
    case reset(service: ServiceName, broker: String)
    /// The broker itself refused the request (see ``BrokerErrorReply``).
    case refusedByBroker(service: ServiceName, BrokerErrorReply)
    /// The worker's handler failed on the request (see ``WorkerFailure``).
    case workerFailed(service: ServiceName, reason: String)
    /// The request could not be queued: too many messages wait for the broker already.
    case sendQueueFull(service: ServiceName, broker: String)
    /// A reply that does not have the shape the request calls for.
    case unexpectedReply(service: ServiceName, reason: String)

    /// What went wrong and what to do about it.
    public var description: String {
        switch self {
        case .timedOut(let service, let timeout, let broker):
            "no reply from '\(service)' within \(timeout.seconds); is a worker for '\(service)' connected to the "
                + "broker at \(broker)? Start one, or check that the broker is running there"
        case .closed(let broker):
            "the connection to the broker at \(broker) is closed; open a new one"
        case .reset(let service, let broker):
            "the request to '\(service)' was dropped when the connection to \(broker) was reset after another "
                + "request timed out; send it again"
        case .refusedByBroker(let service, let reply):
            "the broker refused the request to '\(service)': \(reply)"
        case .workerFailed(let service, let reason):
            "the '\(service)' worker could not answer: \(reason)"
        case .sendQueueFull(let service, let broker):
            "cannot send to '\(service)': the queue to the broker at \(broker) is full; is the broker running?"
        case .unexpectedReply(let service, let reason):
            "unexpected reply from '\(service)': \(reason)"
        }
    }
}

extension Duration {
    /// "30 s", "2.5 s", "250 ms".
    fileprivate var seconds: String {
        let (whole, attoseconds) = components
        if whole == 0 { return "\(attoseconds / 1_000_000_000_000_000) ms" }
        let tenths = attoseconds / 100_000_000_000_000_000
        return tenths == 0 ? "\(whole) s" : "\(whole).\(tenths) s"
    }
}
