import Aggregation
import ArgumentParser
import ExtractionWorker
import Foundation
import Logging
import Majordomo
import NewsWire

/// `newsbus status`: the cluster at a glance: services, workers, jobs.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the cluster: services (queue depth), workers (host, idle time) and jobs (progress, ETA).",
        discussion: """
            Services and workers come from the broker's management interface (mmi.services, mmi.workers); \
            jobs from the aggregator. With JOB, only that job is shown.
            """
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
        if job == nil {
            let directory = try await client.clusterDirectory()
            print(StatusTable.services(directory.services) + "\n\n" + StatusTable.workers(directory.workers))
            print()
        }
        try await client.ensureAggregator()
        let jobs = try await client.status(of: job.map(JobID.init))
        print(StatusTable.jobs(jobs, now: Date()))
        let workers = try await client.hasWorkers(for: ExtractionWorkerService.service)
        print("\(ExtractionWorkerService.service): \(workers ? "workers connected" : "no workers connected")")
    }
}
