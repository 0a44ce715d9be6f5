import Aggregation
import ArgumentParser
import Foundation
import Logging
import Telemetry
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

    @Option(help: "Directory for the job store (jobs.sqlite) and finished reports (aggregator.store).")
    var store: String?

    @OptionGroup var tuning: AggregatorOptions

    @OptionGroup var metrics: MetricsOptions

    @OptionGroup var curve: CurveOptions

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        try curve.validate(as: .peer)
    }

    func run() async throws {
        let logger = logging.bootstrap(label: "newsbus.aggregator")
        guard let store = Settings.current.text(store, .aggregatorStore) else {
            logger.error(
                "no job store: give --store DIR, NEWSBUS_AGGREGATOR_STORE or aggregator.store in the configuration file")
            throw ExitCode.validationFailure
        }
        let keys = try curve.clientKeys()
        var configuration = tuning.configuration(
            broker: broker.endpoint, store: store,
            reports: (store as NSString).appendingPathComponent("reports"))
        configuration.curveServerKey = keys?.serverKey
        configuration.curveKeyPair = keys?.keyPair
        let context = try Context()
        let endpoint: MetricsEndpoint?
        do {
            endpoint = try await metrics.start(key: .aggregatorMetrics, logger: logger) { registry in
                let client = JobsClient(
                    context: context, brokerEndpoint: broker.endpoint, logger: logger, curveServerKey: keys?.serverKey,
                    curveKeyPair: keys?.keyPair)
                let sampler = AggregatorSampler(client: client, registry: registry)
                return { await sampler.sample() }
            }
        } catch {
            logger.error("metrics cannot start: \(error)")
            throw ExitCode.failure
        }
        let service = try AggregatorService(context: context, configuration: configuration, logger: logger)
        await TerminationSignals.wait()
        logger.info("aggregator stopping")
        service.stop()
        await endpoint?.stop()
    }
}
