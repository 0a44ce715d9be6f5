import Aggregation
import ArgumentParser
import ExtractionWorker
import Foundation
import Logging
import Majordomo
import NewsWire
import ZeroMQ

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
            let keys = try curve.clientKeys()
            let management = ClientConnection(
                context: try Context(),
                configuration: ClientConfiguration(
                    brokerEndpoint: broker.endpoint, curveServerKey: keys?.serverKey, curveKeyPair: keys?.keyPair),
                logger: logger)
            defer { management.close() }
            print(try await Self.clusterView(management))
            print()
        }
        try await client.ensureAggregator()
        let jobs = try await client.status(of: job.map(JobID.init))
        print(StatusTable.jobs(jobs, now: Date()))
        let workers = try await client.hasWorkers(for: ExtractionWorkerService.service)
        print("\(ExtractionWorkerService.service): \(workers ? "workers connected" : "no workers connected")")
    }

    /// The services and workers tables, from the broker's `mmi.services` and `mmi.workers`.
    static func clusterView(_ connection: ClientConnection) async throws -> String {
        let services: [ManagementDirectory.Service]
        let workers: [ManagementDirectory.Worker]
        do {
            let timeout = Duration.seconds(5)
            services = try ManagementDirectory.services(
                from: try await connection.request(service: ManagementDirectory.servicesService, body: [], timeout: timeout))
            workers = try ManagementDirectory.workers(
                from: try await connection.request(service: ManagementDirectory.workersService, body: [], timeout: timeout))
        } catch let error as ClientConnectionError {
            throw StatusFailure(
                reason: "the broker at \(connection.configuration.brokerEndpoint) did not answer (\(error)); "
                    + "start it with `newsbus broker` or give --broker ENDPOINT")
        }
        return StatusTable.services(services) + "\n\n" + StatusTable.workers(workers)
    }
}

/// Why `newsbus status` could not show the cluster.
struct StatusFailure: Error, CustomStringConvertible {
    let reason: String
    var description: String { reason }
}
