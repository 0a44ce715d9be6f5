import Aggregation
import ArgumentParser
import Logging
import ZeroMQ

/// `newsbus submit`: sends articles to the aggregator as one job.
struct SubmitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Submit articles as one job and print its id; with --wait, follow it and write the report.",
        discussion: """
            Needs a running broker and aggregator, and workers to do the work (or `scripts/cluster start`). \
            A job sent before any worker runs waits for one; with --wait, submit says so after 5 s without progress.
            """
    )

    @OptionGroup var broker: BrokerOptions

    @Flag(help: "Wait for the job to finish, showing progress, then write its report.")
    var wait = false

    @Option(help: "With --wait: directory for the report (written to DIR/<job id>/report.{json,md,html}).")
    var out: String = "reports"

    @OptionGroup var input: ArticleInput

    @OptionGroup var curve: CurveOptions

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        try curve.validate(as: .peer)
    }

    func run() async throws {
        let articles = try input.read()
        let logger = logging.bootstrap(label: "newsbus.submit", defaultLevel: .warning)
        let client = try JobsClient(broker: broker, curve: curve, logger: logger)
        defer { client.close() }
        let session = JobSession(client: client)
        if wait {
            try await session.run(articles, name: input.jobName, out: out)
        } else {
            _ = try await session.submit(articles, name: input.jobName)
        }
    }
}
