public import Logging
public import Majordomo
public import ZeroMQ

/// MDP workers that answer every request with its own body, for tests and benchmarks.
public final class EchoWorkers: Sendable {
    /// The running workers.
    public let connections: [WorkerConnection]

    /// Starts `count` echo workers for `service` at `brokerEndpoint`, speaking `dialect`.
    public init(
        count: Int,
        context: Context,
        brokerEndpoint: String,
        service: ServiceName = "echo",
        dialect: Dialect = .rfc18,
        logger: Logger = Logger(label: "newsbus.test.echo")
    ) {
        let configuration = WorkerConfiguration(brokerEndpoint: brokerEndpoint, service: service, dialect: dialect)
        connections = (0..<count).map { _ in
            WorkerConnection(context: context, configuration: configuration, logger: logger) { body in body }
        }
    }

    /// Stops every worker (DISCONNECT, close, join).
    public func stop() {
        for connection in connections {
            connection.stop()
        }
    }
}
