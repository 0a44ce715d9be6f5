public import Logging
public import ZeroMQ

/// An MDP worker: serves one service for a broker, on its own thread.
///
/// It connects a DEALER to ``WorkerConfiguration/brokerEndpoint``, sends READY, answers each
/// REQUEST with the handler's reply (FINAL, after any PARTIALs), and heartbeats as RFC 18 says.
/// When the broker stays silent for `liveness × interval` it drops the socket and reconnects
/// with a new one after ``WorkerConfiguration/reconnectDelay``; a DISCONNECT from the broker
/// makes it reconnect at once. Speaks RFC 18 unless configured for the majortomo dialect.
///
/// The socket lives on one dedicated thread, which also runs the handler, so a handler may do
/// slow synchronous work without touching Swift concurrency's pool. ``stop()`` says DISCONNECT
/// to the broker, closes the socket and joins the thread.
public final class WorkerConnection: Sendable {
    /// What this worker serves and how it reaches the broker.
    public let configuration: WorkerConfiguration
    private let mailbox: Mailbox<WorkerLoop.Command>
    private let threads: LoopThreads

    /// Starts serving `configuration.service` with `handler` (see ``WorkerHandler``).
    public convenience init(
        context: Context,
        configuration: WorkerConfiguration,
        logger: Logger,
        handler: @escaping WorkerHandler
    ) {
        self.init(context: context, configuration: configuration, logger: logger, serving: .one(handler))
    }

    /// Starts serving `configuration.service`, answering the requests that wait together in the
    /// socket with one call of `batchHandler` (see ``WorkerBatchHandler``).
    public convenience init(
        context: Context,
        configuration: WorkerConfiguration,
        logger: Logger,
        batchHandler: @escaping WorkerBatchHandler
    ) {
        self.init(context: context, configuration: configuration, logger: logger, serving: .batch(batchHandler))
    }

    private init(context: Context, configuration: WorkerConfiguration, logger: Logger, serving: WorkerLoop.Serving) {
        self.configuration = configuration
        let mailbox = Mailbox<WorkerLoop.Command>()
        self.mailbox = mailbox
        var logger = logger
        logger[metadataKey: "mdp.service"] = "\(configuration.service)"
        let loopLogger = logger
        threads = LoopThreads(name: "mdp worker \(configuration.service)") {
            WorkerLoop(
                context: context, configuration: configuration, serving: serving, mailbox: mailbox, logger: loopLogger
            ).run()
        }
    }

    /// Starts serving with a handler that returns the FINAL body and never sends PARTIALs.
    public convenience init(
        context: Context,
        configuration: WorkerConfiguration,
        logger: Logger,
        reply: @escaping @Sendable (_ body: [[UInt8]]) throws -> [[UInt8]]
    ) {
        self.init(context: context, configuration: configuration, logger: logger) { body, _ in try reply(body) }
    }

    /// Sends DISCONNECT, closes the socket and waits for the thread to finish. Safe to call more
    /// than once and from any thread (not from the handler, which runs on the thread it joins).
    public func stop() {
        _ = mailbox.post(.stop)
        threads.join()
    }

    /// True once the worker's thread has ended (after ``stop()`` or a context shutdown).
    public var isStopped: Bool {
        threads.loopFinished
    }

    deinit {
        _ = mailbox.post(.stop)
    }
}
