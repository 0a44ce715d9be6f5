import ArgumentParser
import Foundation
import ExtractionModels
import ExtractionWorker
import Logging
import ZeroMQ

/// `newsbus worker`: an extraction worker process with one MDP connection per thread.
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Run extraction workers for 'newsbus.extract' until SIGINT or SIGTERM.",
        discussion: "Each thread holds its own MDP connection to the broker and runs the extraction pipeline."
    )

    @OptionGroup var broker: BrokerOptions

    @Option(help: "Extraction threads (MDP worker connections) to run.")
    var threads: Int = 1

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard (1...256).contains(threads) else {
            throw ValidationError("Please give --threads a value from 1 to 256.")
        }
    }

    func run() async throws {
        let logger = logging.bootstrap(label: "newsbus.worker")
        let pipeline = try ExtractionModels.standardPipeline()
        let context = try Context()
        let crashMarker = Self.faultInjectionCrashMarker(logger: logger)
        let service = ExtractionWorkerService(
            context: context, brokerEndpoint: broker.endpoint, threads: threads, pipeline: pipeline, logger: logger,
            crashMarker: crashMarker)
        logger.info(
            "worker started", metadata: ["mdp.broker": "\(broker.endpoint)", "worker.threads": "\(threads)"])
        await TerminationSignals.wait()
        logger.info("worker stopping")
        service.stop()
    }

    /// The test-only fault-injection hook, read once at start: `NEWSBUS_FAULT_INJECTION=crash-on:<marker>`
    /// makes this worker process abort on any chunk containing `<marker>`. Unset (the default): off.
    static func faultInjectionCrashMarker(logger: Logger) -> String? {
        guard let value = ProcessInfo.processInfo.environment["NEWSBUS_FAULT_INJECTION"], !value.isEmpty else {
            return nil
        }
        guard value.hasPrefix("crash-on:"), value.count > "crash-on:".count else {
            logger.warning(
                "NEWSBUS_FAULT_INJECTION ignored: expected 'crash-on:<marker>'", metadata: ["fault.value": "\(value)"])
            return nil
        }
        let marker = String(value.dropFirst("crash-on:".count))
        logger.warning("fault injection on: worker aborts on chunks containing the marker", metadata: ["fault.marker": "\(marker)"])
        return marker
    }
}
