import ArgumentParser
import Dispatch
import Logging
import Majordomo
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

    @Option(name: .customLong("bind"), help: "Endpoint to listen on (repeat for several); defaults to tcp://127.0.0.1:5555.")
    var bindEndpoints: [String] = []

    @Option(help: "Milliseconds between heartbeats to and from each worker.")
    var heartbeatInterval: Int = 2500

    @Option(help: "Heartbeat intervals a worker may miss before it is expired.")
    var heartbeatLiveness: Int = 3

    @Option(help: "Most requests one service may have waiting; more are refused with a 503 reply.")
    var queueLimit: Int = 10_000

    @Option(
        help: """
            Seconds a request may wait for a worker before the client gets a 504 reply (default: it waits \
            until a worker of its service comes; a request for a service nobody serves then waits forever).
            """)
    var requestTimeout: Int?

    @Option(help: "Largest message frame accepted, in bytes; peers sending more are disconnected.")
    var maxMessageSize: Int = 16 << 20

    /// More than 1 hides the broker-worker round trip for many small requests, but a worker
    /// that dies loses every request it holds (see `BrokerConfiguration.workerCredit`).
    @Option(help: "Requests the broker may hand one worker before its replies return (like AMQP prefetch); 1 is classic Majordomo.")
    var workerCredit: Int = 1

    @OptionGroup var curve: CurveOptions

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        try curve.validate(as: .server)
        guard heartbeatInterval > 0, heartbeatLiveness > 0 else {
            throw ValidationError("Please give --heartbeat-interval and --heartbeat-liveness values above zero.")
        }
        guard queueLimit > 0, maxMessageSize > 0, requestTimeout ?? 1 > 0 else {
            throw ValidationError(
                "Please give --queue-limit, --max-message-size and --request-timeout values above zero.")
        }
        guard workerCredit > 0 else {
            throw ValidationError("Please give --worker-credit a value of 1 (classic Majordomo) or more.")
        }
    }

    func run() async throws {
        let logger = logging.bootstrap(label: "newsbus.broker")
        let endpoints = bindEndpoints.isEmpty ? ["tcp://127.0.0.1:5555"] : bindEndpoints
        let curveConfiguration = try curve.serverConfiguration()
        if curveConfiguration == nil {
            ExposureWarning.printIfExposed(endpoints)
        }
        let configuration = BrokerConfiguration(
            bindEndpoints: endpoints,
            heartbeatInterval: .milliseconds(heartbeatInterval),
            heartbeatLiveness: heartbeatLiveness,
            queueLimit: queueLimit,
            requestTimeout: requestTimeout.map { .seconds($0) },
            maximumMessageSize: maxMessageSize,
            curve: curveConfiguration,
            workerCredit: workerCredit
        )
        if let curveConfiguration {
            logger.info(
                "CURVE on", metadata: ["curve.allowed": "\(curveConfiguration.allowedClientKeys?.count ?? 0)"])
        }
        let broker = Broker(configuration: configuration, context: try Context(), logger: logger)
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
        for endpoint in listening {
            logger.info("broker listening on \(endpoint)")
        }
        await broker.waitUntilStopped()
    }
}
