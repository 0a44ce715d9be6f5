import Aggregation
import ArgumentParser
import Logging
import ZeroMQ

/// `newsbus report`: fetches a job's report from the aggregator and writes its files.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the report of a job (finished or not) to DIR/<job id>/report.{json,md,html}."
    )

    @OptionGroup var broker: BrokerOptions

    @Argument(help: "The job id, as printed by `newsbus submit` or listed by `newsbus status`.")
    var job: String

    @Option(help: "Directory to write the report under.")
    var out: String

    @OptionGroup var curve: CurveOptions

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        try curve.validate(as: .peer)
    }

    func run() async throws {
        let logger = logging.bootstrap(label: "newsbus.report", defaultLevel: .warning)
        let client = try JobsClient(broker: broker, curve: curve, logger: logger)
        defer { client.close() }
        try await client.ensureAggregator()
        try await JobSession(client: client).writeReport(JobID(job), under: out)
    }
}
