import Aggregation
import ArgumentParser
import ExtractionWorker
import Foundation
import Logging
import NewsWire
import ZeroMQ

/// `newsbus status`: jobs and their progress, and whether workers are connected.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show jobs with their progress (one job with JOB), and whether extraction workers are connected."
    )

    @OptionGroup var broker: BrokerOptions

    @Argument(help: "A job id; every job when omitted.")
    var job: String?

    @OptionGroup var curve: CurveOptions

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        try curve.validate(as: .peer)
    }

    func run() async throws {
        let logger = logging.bootstrap(label: "newsbus.status", defaultLevel: .warning)
        let client = try JobsClient(broker: broker, curve: curve, logger: logger)
        defer { client.close() }
        try await client.ensureAggregator()
        let jobs = try await client.status(of: job.map(JobID.init))
        print(Self.table(jobs))
        let workers = try await client.hasWorkers(for: ExtractionWorkerService.service)
        print("\(ExtractionWorkerService.service): \(workers ? "workers connected" : "no workers connected")")
    }

    /// One line per job under a header.
    static func table(_ jobs: [Newsbus_V1_JobStatus]) -> String {
        guard !jobs.isEmpty else { return "no jobs" }
        let header = ["JOB", "STATE", "ARTICLES", "FAILED", "CHUNKS", "RETRIES", "SUBMITTED", "NAME"]
        let rows = jobs.map { job in
            [job.jobID, job.state, "\(job.articles)", "\(job.articlesFailed)", "\(job.chunksDone)/\(job.chunksTotal)",
             "\(job.retries)", job.submitted, job.name]
        }
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        return ([header] + rows).map { row in
            row.enumerated().map { column, cell in
                cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }
}
