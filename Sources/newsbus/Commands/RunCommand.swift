import Aggregation
import ArgumentParser
import Articles
import Foundation
import Logging

/// `newsbus run`: the whole cluster in one process, on the given articles; the first command to try.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run broker, aggregator and workers in this process on ARTICLES and write the report.",
        discussion: """
            The roles talk MDP over inproc:// exactly as the distributed cluster does over TCP. The report \
            goes to DIR/<job id>/report.{json,md,html}; the exit status is 0 only when every article succeeded.
            """
    )

    @Option(help: "Extraction worker threads.")
    var workers: Int = max(1, ProcessInfo.processInfo.activeProcessorCount)

    @Option(help: "Directory for the report (written to DIR/<job id>/report.{json,md,html}).")
    var out: String = "reports"

    @Option(help: "Directory for the job store, kept afterwards; when omitted a temporary one goes with the process.")
    var store: String?

    @OptionGroup var tuning: AggregatorOptions

    @OptionGroup var input: ArticleInput

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard (1...256).contains(workers) else {
            throw ValidationError("Please give --workers a value from 1 to 256.")
        }
    }

    func run() async throws {
        // The models load on their own thread while the articles are read, the broker and aggregator
        // start and the job is submitted and stored; the workers join when the models are in.
        let models = ModelLoading()
        let articles = try input.read()
        let logger = logging.bootstrap(label: "newsbus.run", defaultLevel: .warning)
        try await Self.run(
            articles, name: input.jobName, models: models, workers: workers, out: out,
            aggregator: tuning.configuration(
                broker: "", store: store, reports: out, defaultWindow: EmbeddedCluster.window(forWorkers: workers)),
            logger: logger)
        ProcessEnd.succeeded()
    }

    /// Runs `articles` as one job on an embedded cluster whose `workers` worker threads start once
    /// `models` has loaded; the aggregator writes the report under `out`. If loading the models
    /// fails, the job is abandoned and the loading error thrown (the job cannot end without workers).
    static func run(
        _ articles: [Article], name: String, models: ModelLoading, workers: Int, out: String,
        aggregator: AggregatorService.Configuration, logger: Logger
    ) async throws {
        let cluster = try EmbeddedCluster(aggregator: aggregator, logger: logger)
        defer { cluster.stop() }
        let client = JobsClient(context: cluster.context, brokerEndpoint: cluster.endpoint, logger: logger)
        defer { client.close() }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                cluster.startWorkers(workers, pipeline: try await models.pipeline())
            }
            group.addTask {
                try await JobSession(client: client).run(articles, name: name, out: out, aggregatorWrites: true)
            }
            // The first to finish is the model loading, unless it failed: then its error is thrown at
            // once and leaving the group cancels the job session. (`waitForAll()` would first wait for
            // the job, which without workers ends only when every chunk has timed out.)
            while try await group.next() != nil {}
        }
    }
}
