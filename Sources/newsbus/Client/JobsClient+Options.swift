import Aggregation
import Logging
import ZeroMQ

extension JobsClient {
    /// A `newsbus.jobs` client for the CLI's client commands: the broker from `--broker`, CURVE
    /// keys from the `--curve-*` options (none when they are not given).
    convenience init(broker: BrokerOptions, curve: CurveOptions, logger: Logger) throws {
        let keys = try curve.clientKeys()
        self.init(
            context: try Context(), brokerEndpoint: broker.endpoint, logger: logger, curveServerKey: keys?.serverKey,
            curveKeyPair: keys?.keyPair)
    }
}
