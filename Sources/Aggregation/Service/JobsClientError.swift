public import Majordomo

/// Why a `newsbus.jobs` request got no usable answer.
public enum JobsClientError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No aggregator answered in time.
    case noAggregator(broker: String, timeout: Duration)
    /// The broker did not answer a management query in time.
    case noBroker(broker: String, timeout: Duration)
    /// The broker answers but no aggregator is connected to it.
    case noAggregatorConnected(broker: String)
    /// The aggregator refused the request (`ErrorReply`).
    case rejected(code: String, message: String)
    /// The connection to the broker failed.
    case transport(ClientConnectionError)
    /// The reply does not have the expected shape.
    case badReply(String)

    /// What went wrong and what to do about it.
    public var description: String {
        switch self {
        case .noAggregator(let broker, let timeout):
            "no reply from '\(AggregatorService.jobsService)' within \(timeout.components.seconds) s; "
                + "is an aggregator running? Start one with `newsbus aggregator --broker \(broker) --store DIR`, "
                + "and check that a broker listens at \(broker) (`newsbus broker --bind \(broker)`)"
        case .noBroker(let broker, let timeout):
            "no reply from the broker at \(broker) within \(timeout.components.seconds) s; is it running? Start one "
                + "with `newsbus broker --bind \(broker)` (or `scripts/cluster start`), or pass --broker ENDPOINT; "
                + "if the broker uses CURVE, pass --curve-server-key (the broker's .pub) and --curve-secret-key, "
                + "and check that the broker's --curve-allow list holds this client's public key"
        case .noAggregatorConnected(let broker):
            "no aggregator is connected to the broker at \(broker); start one with "
                + "`newsbus aggregator --broker \(broker) --store DIR` (or `scripts/cluster start`)"
        case .rejected(_, let message):
            "the aggregator refused the request: \(message)"
        case .transport(let error):
            error.description
        case .badReply(let reason):
            "unusable reply from the aggregator (\(reason)); check that client and aggregator run the same newsbus"
        }
    }
}
