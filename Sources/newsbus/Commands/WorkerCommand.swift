import ArgumentParser
import ExtractionModels
import ExtractionWorker
import Logging
import Majordomo
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

    @OptionGroup var curve: CurveOptions

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        try curve.validate(as: .peer)
        guard (1...256).contains(threads) else {
            throw ValidationError("Please give --threads a value from 1 to 256.")
        }
    }

    func run() async throws {
        let logger = logging.bootstrap(label: "newsbus.worker")
        let keys = try curve.clientKeys()
        let pipeline = try ExtractionModels.standardPipeline()
        let context = try Context()
        let service = ExtractionWorkerService(
            context: context, brokerEndpoint: broker.endpoint, threads: threads, pipeline: pipeline, logger: logger
        ) { configuration in
            configuration.curveServerKey = keys?.serverKey
            configuration.curveKeyPair = keys?.keyPair
        }
        logger.info(
            "worker started", metadata: ["mdp.broker": "\(broker.endpoint)", "worker.threads": "\(threads)"])
        await TerminationSignals.wait()
        logger.info("worker stopping")
        service.stop()
    }
}
