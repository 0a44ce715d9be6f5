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
/// and waits for its answer; the client connection's thread folds each extraction reply into the
/// core as it arrives (``AggregatorDriver/receive(_:)``), so a chunk's reply and the next chunk's
/// request pass no further thread; the driver's thread resumes jobs, answers job requests and
/// keeps the deadlines. The driver's lock keeps the core (not thread-safe) to one thread at a time.
public final class AggregatorService: Sendable {
    /// The MDP service answering submit, status and report requests.
    public static let jobsService: ServiceName = "newsbus.jobs"

    /// Settings of the role.
    public struct Configuration: Sendable {
        /// The broker's endpoint.
        public var brokerEndpoint: String
        /// Directory holding `jobs.sqlite`; nil keeps a temporary store (nothing survives the process).
        public var storeDirectory: String?
        /// Tunables of the core (window, chunk size, timeouts, where reports go).
        public var aggregator: Aggregator.Configuration
        /// How often the broker is asked (`mmi.services`) how many `newsbus.extract` workers it has
        /// (default 5 s; `nil`: never). While it has none, or stops answering, chunks in flight
        /// do not time out.
        public var workerCheckInterval: Duration? = .seconds(5)
        /// When set, the window follows those worker counts, starting from `aggregator.window`;
        /// `nil` keeps that window.
        public var windowSizing: WindowSizing?
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
            brokerEndpoint: String, storeDirectory: String?, aggregator: Aggregator.Configuration = .init(),
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
        let store: JobStore
        if let directory = configuration.storeDirectory {
            store = try JobStore(directory: directory)
        } else {
            store = try JobStore.temporary()
        }
        let inbox = AggregatorInbox()
        self.inbox = inbox
        let link = ClientLink()
        let driver = AggregatorDriver(
            core: Aggregator(store: store, configuration: configuration.aggregator), inbox: inbox, logger: logger,
            workerCheckInterval: configuration.workerCheckInterval, sizing: configuration.windowSizing,
            askWorkers: {
                do {
                    try link.client?.send(service: ManagementDirectory.servicesService, body: [])
                } catch {
                    logger.debug("cannot ask the broker for its workers", metadata: ["error": "\(error)"])
                }
            }
        ) { request in
            do {
                try link.client?.send(service: ExtractionService.name, body: [try request.serializedBytes()])
            } catch {
                logger.error(
                    "cannot send a chunk request; it is retried after its timeout",
                    metadata: ["chunk.id": "\(request.chunkID)", "error": "\(error)"])
            }
        }
        // Replies are folded in on the client connection's thread as they arrive: those read
        // together (a worker's batch) in one step, so one store transaction.
        let client = ClientConnection(
            context: context, configuration: ClientConfiguration(
                brokerEndpoint: configuration.brokerEndpoint, curveServerKey: configuration.curveServerKey,
                curveKeyPair: configuration.curveKeyPair),
            logger: logger
        ) { replies in
            var extraction: [[[UInt8]]] = []
            for reply in replies where reply.kind == .final {
                if reply.service == ManagementDirectory.servicesService {
                    inbox.post(.extractWorkers(Self.extractionWorkers(in: reply.body, logger: logger)))
                } else {
                    extraction.append(reply.body)
                }
            }
            driver.receive(extraction)
        }
        link.client = client
        self.client = client
        let driverDone = DispatchGroup()
        self.driverDone = driverDone
        driverDone.enter()
        let thread = Thread {
            driver.run()
            driverDone.leave()
        }
        thread.name = "newsbus aggregator"
        thread.start()
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

    /// The number of `newsbus.extract` workers in an `mmi.services` answer (0 when it is not
    /// listed); `nil` when the answer is unreadable (a broker that does not know the query, such
    /// as majortomo's, answers "501"): then the window stays as it is.
    static func extractionWorkers(in body: [[UInt8]], logger: Logger) -> Int? {
        do {
            let services = try ManagementDirectory.services(from: body)
            return services.first { $0.name == ExtractionService.name.description }?.workers ?? 0
        } catch {
            logger.debug("cannot read the broker's services", metadata: ["error": "\(error)"])
            return nil
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

    /// Stops taking job requests, stops the driver, closes the connections and joins the threads.
    /// Unfinished jobs stay in the store and resume when an aggregator starts on it again.
    public func stop() {
        jobs.stop()
        inbox.stop()
        driverDone.wait()
        client.close()
    }
}

/// The client connection the driver sends through, set once right after it is made (before the
/// driver's thread starts, so before anything is sent).
///
/// `@unchecked Sendable`: `client` is only touched while `lock` is held.
private final class ClientLink: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: ClientConnection?

    var client: ClientConnection? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
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
