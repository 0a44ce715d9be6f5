import ArgumentParser
import Dispatch
import Foundation
import Logging
import Majordomo
import Telemetry
import ZeroMQ

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `newsbus broker`: runs the Majordomo (MDP 0.2) broker until SIGINT or SIGTERM.
struct BrokerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "broker",
        abstract: "Run the Majordomo (MDP 0.2) broker that connects clients and workers.",
        discussion: """
            Any MDP 0.2 client or worker can use it, in RFC 18 framing or majortomo's. \
            Stop it with Ctrl-C or SIGTERM: workers get DISCONNECT and the process exits with status 0.
            """
    )

    @Option(
        name: .customLong("bind"),
        help: "Endpoint to listen on (repeat for several); defaults to tcp://127.0.0.1:5555 (broker.bind).")
    var bindEndpoints: [String] = []

    @Option(help: "Milliseconds between heartbeats to and from each worker (default 2500; broker.heartbeat_interval_ms).")
    var heartbeatInterval: Int?

    @Option(help: "Heartbeat intervals a worker may miss before it is expired (default 3; broker.heartbeat_liveness).")
    var heartbeatLiveness: Int?

    @Option(help: "Most requests one service may have waiting; more are refused with a 503 reply (default 10000; broker.queue_limit).")
    var queueLimit: Int?

    @Option(
        help: """
            Seconds a request may wait for a worker before the client gets a 504 reply (default: it waits \
            until a worker of its service comes; a request for a service nobody serves then waits forever; \
            broker.request_timeout_s).
            """)
    var requestTimeout: Int?

    @Option(help: "Largest message frame accepted, in bytes; peers sending more are disconnected (default 16 MiB; broker.max_message_size).")
    var maxMessageSize: Int?

    @OptionGroup var metrics: MetricsOptions

    /// More than 1 hides the broker-worker round trip for many small requests, but a worker
    /// that dies loses every request it holds (see `BrokerConfiguration.workerCredit`).
    @Option(help: "Requests the broker may hand one worker before its replies return, like AMQP prefetch (default 1: classic Majordomo; broker.worker_credit).")
    var workerCredit: Int?

    @OptionGroup var curve: CurveOptions

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        try curve.validate(as: .server)
        guard heartbeatInterval ?? 1 > 0, heartbeatLiveness ?? 1 > 0 else {
            throw ValidationError("Please give --heartbeat-interval and --heartbeat-liveness values above zero.")
        }
        guard queueLimit ?? 1 > 0, maxMessageSize ?? 1 > 0, requestTimeout ?? 1 > 0 else {
            throw ValidationError(
                "Please give --queue-limit, --max-message-size and --request-timeout values above zero.")
        }
        guard workerCredit ?? 1 > 0 else {
            throw ValidationError("Please give --worker-credit a value of 1 (classic Majordomo) or more.")
        }
    }

    func run() async throws {
        let logger = logging.bootstrap(label: "newsbus.broker")
        let settings = Settings.current
        var endpoints = settings.list(bindEndpoints, .brokerBind)
        let curveConfiguration = try curve.serverConfiguration()
        if curveConfiguration == nil {
            ExposureWarning.printIfExposed(endpoints)
        }
        // The metrics sampler asks the broker over inproc: no network, no CURVE handshake.
        let management = "inproc://newsbus-broker-management-\(UUID().uuidString)"
        let context = try Context()
        // Started before the broker, so its counters are made from the Prometheus factory.
        let metricsEndpoint = try await startMetrics(context: context, management: management, logger: logger)
        if metricsEndpoint != nil { endpoints.append(management) }
        let configuration = BrokerConfiguration(
            bindEndpoints: endpoints,
            heartbeatInterval: .milliseconds(settings.integer(heartbeatInterval, .brokerHeartbeatInterval) ?? 2500),
            heartbeatLiveness: settings.integer(heartbeatLiveness, .brokerHeartbeatLiveness) ?? 3,
            queueLimit: settings.integer(queueLimit, .brokerQueueLimit) ?? 10_000,
            requestTimeout: settings.integer(requestTimeout, .brokerRequestTimeout).map { .seconds($0) },
            maximumMessageSize: settings.integer(maxMessageSize, .brokerMaxMessageSize) ?? 16 << 20,
            curve: curveConfiguration,
            workerCredit: settings.integer(workerCredit, .brokerWorkerCredit) ?? 1
        )
        if let curveConfiguration {
            logger.info(
                "CURVE on", metadata: ["curve.allowed": "\(curveConfiguration.allowedClientKeys?.count ?? 0)"])
        }
        let broker = Broker(configuration: configuration, context: context, logger: logger)
        // Installed before the broker starts, so a signal during startup is not lost.
        let signals = TerminationSignals { broker.stop() }
        defer { signals.cancel() }
        let listening: [String]
        do {
            listening = try broker.start()
        } catch {
            logger.error("broker cannot start: \(error); choose another --bind endpoint or stop the process using it")
            throw ExitCode.failure
        }
        for endpoint in listening where endpoint != management {
            logger.info("broker listening on \(endpoint)")
        }
        await broker.waitUntilStopped()
        await metricsEndpoint?.stop()
    }

    /// Serves /metrics when asked to (flag, `NEWSBUS_BROKER_METRICS` or `broker.metrics`); gauges
    /// are sampled at each scrape through `mmi.services` on the `management` inproc endpoint.
    private func startMetrics(context: Context, management: String, logger: Logger) async throws -> MetricsEndpoint? {
        do {
            return try await metrics.start(key: .brokerMetrics, logger: logger) { registry in
                let client = ClientConnection(
                    context: context, configuration: ClientConfiguration(brokerEndpoint: management), logger: logger)
                let sampler = BrokerSampler(client: client, registry: registry)
                return { await sampler.sample() }
            }
        } catch {
            logger.error("metrics cannot start: \(error)")
            throw ExitCode.failure
        }
    }
}
