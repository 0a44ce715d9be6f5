import Dispatch
import Foundation
public import Logging
public import Majordomo
import NewsWire
import SwiftProtobuf
public import ZeroMQ

/// The aggregator role on the bus: an MDP worker for `newsbus.jobs` and, at the same time, an MDP
/// client of `newsbus.extract`, driving one ``Aggregator`` core from one dedicated thread.
///
/// Threads: the `newsbus.jobs` worker connection's thread posts each job request to the driver
/// and waits for its answer; a small task moves extraction replies from the client connection's
/// stream to the driver; the driver thread alone touches the core (which is not thread-safe).
public final class AggregatorService: Sendable {
    /// The MDP service answering submit, status and report requests.
    public static let jobsService: ServiceName = "newsbus.jobs"

    /// Settings of the role.
    public struct Configuration: Sendable {
        /// The broker's endpoint.
        public var brokerEndpoint: String
        /// Directory holding `jobs.sqlite`.
        public var storeDirectory: String
        /// Tunables of the core (window, chunk size, timeouts, where reports go).
        public var aggregator: Aggregator.Configuration
        /// How long a job request may wait for the driver before the client gets a failure reply.
        public var jobRequestTimeout: Duration
        /// The largest `newsbus.jobs` request accepted, in bytes (default 256 MiB); a bigger one is
        /// answered `bad_request` before it is decoded, so it cannot stall the aggregator.
        public var maximumJobBytes: Int = 256 << 20
        /// CurveZMQ: the broker's public key, when the broker requires CURVE.
        public var curveServerKey: CurveKey?
        /// CurveZMQ: this aggregator's long-term key pair (needed with ``curveServerKey``).
        public var curveKeyPair: CurveKeyPair?

        /// Creates a configuration.
        public init(
            brokerEndpoint: String, storeDirectory: String, aggregator: Aggregator.Configuration = .init(),
            jobRequestTimeout: Duration = .seconds(120)
        ) {
            self.brokerEndpoint = brokerEndpoint
            self.storeDirectory = storeDirectory
            self.aggregator = aggregator
            self.jobRequestTimeout = jobRequestTimeout
        }
    }

    private let inbox: AggregatorInbox
    private let client: ClientConnection
    private let jobs: WorkerConnection
    private let driverDone: DispatchGroup

    /// Opens the store, connects to the broker and starts serving; unfinished jobs in the store
    /// resume at once. Throws when the store cannot be opened.
    public init(context: Context, configuration: Configuration, logger: Logger) throws(AggregationError) {
        let store = try JobStore(directory: configuration.storeDirectory)
        let client = ClientConnection(
            context: context, configuration: ClientConfiguration(
                brokerEndpoint: configuration.brokerEndpoint, curveServerKey: configuration.curveServerKey,
                curveKeyPair: configuration.curveKeyPair),
            logger: logger)
        self.client = client
        let inbox = AggregatorInbox()
        self.inbox = inbox
        let driverDone = DispatchGroup()
        self.driverDone = driverDone
        Self.startDriver(
            store: store, configuration: configuration.aggregator, inbox: inbox, client: client, logger: logger,
            done: driverDone)
        Task.detached {
            for await reply in client.replies where reply.kind == .final {
                inbox.post(.extractReply(reply.body))
            }
        }
        let timeout = configuration.jobRequestTimeout
        let maximumJobBytes = configuration.maximumJobBytes
        jobs = WorkerConnection(
            context: context,
            configuration: WorkerConfiguration(
                brokerEndpoint: configuration.brokerEndpoint, service: Self.jobsService,
                curveServerKey: configuration.curveServerKey, curveKeyPair: configuration.curveKeyPair),
            logger: logger
        ) { (body: [[UInt8]]) throws(AggregatorServiceError) -> [[UInt8]] in
            if let refusal = Self.oversized(body, limit: maximumJobBytes) { return refusal }
            let slot = JobReplySlot()
            guard inbox.post(.jobRequest(body, slot)) else { throw .stopping }
            guard let answer = slot.wait(within: timeout) else { throw .busy(timeout) }
            return answer
        }
    }

    /// The `bad_request` reply to a request body of more than `limit` bytes, or `nil`.
    private static func oversized(_ body: [[UInt8]], limit: Int) -> [[UInt8]]? {
        let size = body.reduce(0) { $0 + $1.count }
        guard size > limit else { return nil }
        let reply = Aggregator.errorReply(
            "bad_request", "the request has \(size) bytes, over the aggregator's limit of \(limit) (--max-job-bytes); "
                + "split the job into smaller ones")
        return JobFrames.split((try? reply.serializedBytes()) ?? [])
    }

    private static func startDriver(
        store: JobStore, configuration: Aggregator.Configuration, inbox: AggregatorInbox, client: ClientConnection,
        logger: Logger, done: DispatchGroup
    ) {
        let driverLogger = logger
        done.enter()
        let thread = Thread {
            let core = Aggregator(store: store, configuration: configuration)
            let driver = AggregatorDriver(core: core, inbox: inbox, logger: driverLogger) { request in
                do {
                    try client.send(service: ExtractionService.name, body: [try request.serializedBytes()])
                } catch {
                    driverLogger.error(
                        "cannot send a chunk request; it is retried after its timeout",
                        metadata: ["chunk.id": "\(request.chunkID)", "error": "\(error)"])
                }
            }
            driver.run()
            done.leave()
        }
        thread.name = "newsbus aggregator"
        thread.start()
    }

    /// Stops taking job requests, stops the driver, closes the connections and joins the threads.
    /// Unfinished jobs stay in the store and resume when an aggregator starts on it again.
    public func stop() {
        jobs.stop()
        inbox.stop()
        driverDone.wait()
        client.close()
    }
}

/// The name of the extraction service, as the aggregator addresses it.
enum ExtractionService {
    /// `newsbus.extract`.
    static let name: ServiceName = "newsbus.extract"
}

/// Why the aggregator could not answer a job request (the client gets a worker failure reply).
enum AggregatorServiceError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The aggregator is shutting down.
    case stopping
    /// The driver did not answer in time.
    case busy(Duration)

    /// What went wrong and what to do about it.
    var description: String {
        switch self {
        case .stopping: "the aggregator is shutting down; send the request again to a running aggregator"
        case .busy(let timeout): "the aggregator did not answer within \(timeout); it is overloaded, try again"
        }
    }
}
