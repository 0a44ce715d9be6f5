import Aggregation
import Extraction
import ExtractionWorker
import Foundation
import Logging
import Majordomo
import Synchronization
import ZeroMQ

/// Broker, aggregator and extraction workers in one process, talking MDP over `inproc://`: the
/// same roles and code paths as the distributed cluster, for `newsbus run`.
///
/// The broker and the aggregator start first; the workers join with ``startWorkers(_:pipeline:)``
/// once the models are loaded, so a job can be submitted and stored while they load (the broker
/// queues its chunks until a worker says READY).
final class EmbeddedCluster: Sendable {
    /// The broker's in-process endpoint; clients in this process connect here.
    let endpoint: String
    /// The ZeroMQ context every role shares (inproc needs one context).
    let context: Context
    private let broker: Broker
    private let aggregator: AggregatorService
    private let workers = Mutex<ExtractionWorkerService?>(nil)
    private let logger: Logger

    /// Starts the broker and the aggregator; `aggregator` names the store and tunables (its broker
    /// endpoint is replaced).
    init(aggregator configuration: AggregatorService.Configuration, logger: Logger) throws {
        context = try Context()
        let requested = "inproc://newsbus-run-\(UUID().uuidString)"
        broker = Broker(
            configuration: BrokerConfiguration(bindEndpoints: [requested], workerCredit: Self.workerCredit),
            context: context,
            logger: logger.labelled("broker"))
        endpoint = try broker.start().first ?? requested
        var configuration = configuration
        configuration.brokerEndpoint = endpoint
        aggregator = try AggregatorService(
            context: context, configuration: configuration, logger: logger.labelled("aggregator"))
        self.logger = logger
    }

    /// Requests the broker hands each worker thread at once: as many as `newsbus extract` tags
    /// in one batch, so a worker thread extracts the chunks waiting together in its socket as one
    /// batch of that size, sharing per-word work as `extract` does. The cost of credit (a worker
    /// that dies loses what it holds) does not apply: these workers live and die with the process.
    static let workerCredit = 64

    /// How worker threads fill their batches: up to their credit, waiting at most about one
    /// chunk's extraction time (a 2,500-character article takes ~2 ms) for the rest to arrive.
    static let batchGathering = BatchGathering(size: workerCredit, patience: .milliseconds(2))

    /// The aggregator's default window for `workers` worker threads: twice what they can hold, so
    /// the broker has the next requests queued when a worker thread answers its batch and hands
    /// them on at once, without a round trip to the aggregator (at most 1,024 requests).
    static func window(forWorkers workers: Int) -> Int {
        min(1024, max(64, 2 * workerCredit * workers))
    }

    /// Starts `count` extraction worker threads on `pipeline` (once; later calls do nothing).
    func startWorkers(_ count: Int, pipeline: Pipeline) {
        workers.withLock { workers in
            guard workers == nil else { return }
            workers = ExtractionWorkerService(
                context: context, brokerEndpoint: endpoint, threads: count, pipeline: pipeline,
                logger: logger.labelled("worker"), configure: { $0.batchGathering = Self.batchGathering })
        }
    }

    /// Stops the roles in reverse order and joins their threads.
    func stop() {
        aggregator.stop()
        workers.withLock { $0 }?.stop()
        broker.stop()
    }
}

extension Logger {
    /// A copy tagged with the role it logs for (`role` metadata).
    fileprivate func labelled(_ role: String) -> Logger {
        var logger = self
        logger[metadataKey: "role"] = "\(role)"
        return logger
    }
}
