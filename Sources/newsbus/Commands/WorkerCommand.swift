import ArgumentParser
import Foundation
import ExtractionModels
import ExtractionWorker
import Logging
import Telemetry
import Majordomo
import Prometheus
import ZeroMQ

/// `newsbus worker`: an extraction worker process with one MDP connection per thread.
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Run extraction workers for 'newsbus.extract' until SIGINT or SIGTERM.",
        discussion: "Each thread holds its own MDP connection to the broker and runs the extraction pipeline."
    )

    @OptionGroup var broker: BrokerOptions

    @Option(help: "Extraction threads (MDP worker connections) to run (default 1; worker.threads).")
    var threads: Int?

    @OptionGroup var metrics: MetricsOptions

    @OptionGroup var curve: CurveOptions

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        try curve.validate(as: .peer)
        guard (1...256).contains(threads ?? 1) else {
            throw ValidationError("Please give --threads a value from 1 to 256.")
        }
    }

    func run() async throws {
        let logger = logging.bootstrap(label: "newsbus.worker")
        let threads = Settings.current.integer(threads, .workerThreads) ?? 1
        let keys = try curve.clientKeys()
        let endpoint: MetricsEndpoint?
        do {
            // Before the service starts, so its counters and histogram are Prometheus ones.
            endpoint = try await metrics.start(key: .workerMetrics, logger: logger)
        } catch {
            logger.error("metrics cannot start: \(error)")
            throw ExitCode.failure
        }
        endpoint?.registry.gauge("newsbus_worker_threads", help: "Extraction threads in this process.")
            .set(Double(threads))
        let pipeline = try ExtractionModels.standardPipeline()
        let context = try Context()
        let fault = Self.faultInjection(logger: logger)
        let service = ExtractionWorkerService(
            context: context, brokerEndpoint: broker.endpoint, threads: threads, pipeline: pipeline, logger: logger,
            crashMarker: fault.crashMarker, chunkDelay: fault.chunkDelay
        ) { configuration in
            configuration.curveServerKey = keys?.serverKey
            configuration.curveKeyPair = keys?.keyPair
            // Under a broker with --worker-credit N, batches fill up to what it hands out at once
            // (a classic broker hands one: no waiting).
            configuration.batchGathering = BatchGathering(patience: .milliseconds(2))
        }
        logger.info(
            "worker started", metadata: ["mdp.broker": "\(broker.endpoint)", "worker.threads": "\(threads)"])
        await TerminationSignals.wait()
        logger.info("worker stopping")
        service.stop()
        // The last replies and DISCONNECTs go out before the process ends: the broker hands the
        // requests this worker still held to other workers when it reads the DISCONNECT.
        if !context.terminate(within: .seconds(5)) {
            logger.warning("the broker did not take this worker's last messages within 5 s; its requests wait for their timeout")
        }
        await endpoint?.stop()
    }

    /// The test-only fault-injection hooks, read once at start from `NEWSBUS_FAULT_INJECTION`, a
    /// comma-separated list: `crash-on:<marker>` aborts this worker process on any chunk containing
    /// `<marker>`; `delay-ms:<n>` makes each chunk take at least n milliseconds. Unset (the default): off.
    static func faultInjection(logger: Logger) -> (crashMarker: String?, chunkDelay: Duration?) {
        guard let value = ProcessInfo.processInfo.environment["NEWSBUS_FAULT_INJECTION"], !value.isEmpty else {
            return (nil, nil)
        }
        var crashMarker: String?
        var chunkDelay: Duration?
        for item in value.split(separator: ",") {
            if item.hasPrefix("crash-on:"), item.count > "crash-on:".count {
                crashMarker = String(item.dropFirst("crash-on:".count))
            } else if item.hasPrefix("delay-ms:"), let milliseconds = Int(item.dropFirst("delay-ms:".count)),
                milliseconds > 0
            {
                chunkDelay = .milliseconds(milliseconds)
            } else {
                logger.warning(
                    "NEWSBUS_FAULT_INJECTION item ignored: expected 'crash-on:<marker>' or 'delay-ms:<n>'",
                    metadata: ["fault.item": "\(item)"])
            }
        }
        logger.warning(
            "fault injection on (test hook)",
            metadata: ["fault.crash_on": "\(crashMarker ?? "-")", "fault.delay": "\(chunkDelay.map { "\($0)" } ?? "-")"])
        return (crashMarker, chunkDelay)
    }
}
