public import Articles
import Foundation
public import Logging
public import Majordomo
public import NewsWire
import SwiftProtobuf
public import ZeroMQ

/// A client of `newsbus.jobs`: submits jobs, asks for their status and fetches their reports,
/// one question at a time over its own ``ClientConnection``.
public final class JobsClient: Sendable {
    /// The broker's endpoint.
    public let brokerEndpoint: String
    private let connection: ClientConnection

    /// Connects (in the background) to the broker at `brokerEndpoint`, with CURVE when
    /// `curveServerKey` (the broker's public key) and `curveKeyPair` (this client's) are given.
    public init(
        context: Context, brokerEndpoint: String, logger: Logger, curveServerKey: CurveKey? = nil,
        curveKeyPair: CurveKeyPair? = nil
    ) {
        self.brokerEndpoint = brokerEndpoint
        connection = ClientConnection(
            context: context,
            configuration: ClientConfiguration(
                brokerEndpoint: brokerEndpoint, curveServerKey: curveServerKey, curveKeyPair: curveKeyPair),
            logger: logger)
    }

    /// Submits `articles` as one job and returns its first status.
    public func submit(
        _ articles: [Article], name: String = "", timeout: Duration = .seconds(60)
    ) async throws(JobsClientError) -> Newsbus_V1_JobStatus {
        var submit = Newsbus_V1_SubmitJob()
        submit.name = name
        submit.articles = articles.map { article in
            var message = Newsbus_V1_Article()
            message.id = article.id
            message.title = article.title
            message.date = article.date ?? ""
            message.source = article.source ?? ""
            message.text = article.text
            return message
        }
        var request = Newsbus_V1_JobRequest()
        request.submit = submit
        guard case .accepted(let status) = try await ask(request, timeout: timeout) else {
            throw .badReply("a submit was not answered with the accepted job")
        }
        return status
    }

    /// The status of `job`, or of every job when `nil`.
    public func status(of job: JobID? = nil, timeout: Duration = .seconds(10)) async throws(JobsClientError)
        -> [Newsbus_V1_JobStatus]
    {
        var query = Newsbus_V1_StatusQuery()
        query.jobID = job?.rawValue ?? ""
        var request = Newsbus_V1_JobRequest()
        request.status = query
        guard case .statuses(let list) = try await ask(request, timeout: timeout, attempts: 3) else {
            throw .badReply("a status query was not answered with a status list")
        }
        return list.jobs
    }

    /// The rendered report files of `job` (finished or not).
    public func report(of job: JobID, timeout: Duration = .seconds(30)) async throws(JobsClientError)
        -> ReportWriter.Files
    {
        var query = Newsbus_V1_ReportQuery()
        query.jobID = job.rawValue
        var request = Newsbus_V1_JobRequest()
        request.report = query
        guard case .report(let files) = try await ask(request, timeout: timeout, attempts: 3) else {
            throw .badReply("a report query was not answered with report files")
        }
        return ReportWriter.Files(json: files.json, markdown: files.markdown, html: files.html)
    }

    /// Whether the broker has workers for `service` (`mmi.service`).
    public func hasWorkers(for service: ServiceName, timeout: Duration = .seconds(5)) async throws(JobsClientError)
        -> Bool
    {
        do {
            return try await connection.isServiceAvailable(service, timeout: timeout)
        } catch {
            throw Self.translate(error, service: ManagementService.service, broker: brokerEndpoint)
        }
    }

    /// The broker's services and workers, from its `mmi.services` and `mmi.workers` answers.
    public func clusterDirectory(timeout: Duration = .seconds(5)) async throws(JobsClientError)
        -> (services: [ManagementDirectory.Service], workers: [ManagementDirectory.Worker])
    {
        do {
            let services = try ManagementDirectory.services(
                from: try await connection.request(service: ManagementDirectory.servicesService, body: [], timeout: timeout))
            let workers = try ManagementDirectory.workers(
                from: try await connection.request(service: ManagementDirectory.workersService, body: [], timeout: timeout))
            return (services, workers)
        } catch {
            throw Self.translate(error, service: ManagementService.service, broker: brokerEndpoint)
        }
    }

    /// Returns once the broker answers and knows an aggregator (`mmi.service` for `newsbus.jobs`),
    /// asking again for up to `patience` while none is connected (one may be starting).
    public func ensureAggregator(patience: Duration = .seconds(5)) async throws(JobsClientError) {
        let deadline = ContinuousClock.now.advanced(by: patience)
        while !(try await hasWorkers(for: AggregatorService.jobsService)) {
            guard ContinuousClock.now < deadline else {
                throw .noAggregatorConnected(broker: brokerEndpoint)
            }
            // Short: in `newsbus run` the aggregator registers a few milliseconds after start-up.
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Closes the connection.
    public func close() {
        connection.close()
    }

    /// Sends `request` and returns the reply's result. Idempotent queries go out up to `attempts`
    /// times: MDP does not resend a request the broker handed to a worker that then died.
    private func ask(_ request: Newsbus_V1_JobRequest, timeout: Duration, attempts: Int = 1)
        async throws(JobsClientError) -> Newsbus_V1_JobReply.OneOf_Result?
    {
        var request = request
        request.schemaVersion = newsbusSchemaVersion
        var body: [[UInt8]] = []
        for attempt in 1...max(1, attempts) {
            do {
                body = try await connection.request(
                    service: AggregatorService.jobsService, body: JobFrames.split(try request.serializedBytes()),
                    timeout: timeout)
                break
            } catch ClientConnectionError.timedOut(_, _, _) where attempt < attempts {
                continue
            } catch ClientConnectionError.reset(_, _) where attempt < attempts {
                continue
            } catch {
                throw Self.translate(error, service: AggregatorService.jobsService, broker: brokerEndpoint)
            }
        }
        guard !body.isEmpty, let reply = try? Newsbus_V1_JobReply(serializedBytes: JobFrames.join(body)) else {
            throw .badReply("the reply is not a JobReply")
        }
        if case .error(let error) = reply.result {
            throw .rejected(code: error.code, message: error.message)
        }
        return reply.result
    }

    private static func translate(_ error: any Error, service: ServiceName, broker: String) -> JobsClientError {
        switch error {
        case ClientConnectionError.timedOut(_, let timeout, _) where service == AggregatorService.jobsService:
            .noAggregator(broker: broker, timeout: timeout)
        case ClientConnectionError.timedOut(_, let timeout, _) where service == ManagementService.service:
            .noBroker(broker: broker, timeout: timeout)
        // No connection to the broker is ready (nothing listens, or a CURVE handshake was refused):
        // the same advice as no answer at all.
        case ClientConnectionError.sendQueueFull(_, _) where service == ManagementService.service:
            .noBroker(broker: broker, timeout: .zero)
        case let error as ClientConnectionError:
            .transport(error)
        default:
            .badReply(String(describing: error))
        }
    }
}
