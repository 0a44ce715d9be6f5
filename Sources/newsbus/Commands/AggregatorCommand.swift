import Aggregation
import ArgumentParser
import Foundation
import Logging
import ZeroMQ

/// `newsbus aggregator`: accepts jobs on 'newsbus.jobs' and farms their chunks out to 'newsbus.extract'.
struct AggregatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aggregator",
        abstract: "Run the aggregator: accept jobs, send chunks to workers, merge results and write reports.",
        discussion: """
            Jobs live in DIR/jobs.sqlite; a restarted aggregator resumes every unfinished job. Reports of \
            finished jobs are written to DIR/reports/<job id>/report.{json,md,html}.
            """
    )

    @OptionGroup var broker: BrokerOptions

    @Option(help: "Directory for the job store (jobs.sqlite) and finished reports.")
    var store: String

    @OptionGroup var tuning: AggregatorOptions

    @OptionGroup var curve: CurveOptions

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        try curve.validate(as: .peer)
    }

    func run() async throws {
        let logger = logging.bootstrap(label: "newsbus.aggregator")
        let keys = try curve.clientKeys()
        var configuration = tuning.configuration(
            broker: broker.endpoint, store: store,
            reports: (store as NSString).appendingPathComponent("reports"))
        configuration.curveServerKey = keys?.serverKey
        configuration.curveKeyPair = keys?.keyPair
        let service = try AggregatorService(context: try Context(), configuration: configuration, logger: logger)
        await TerminationSignals.wait()
        logger.info("aggregator stopping")
        service.stop()
    }
}
