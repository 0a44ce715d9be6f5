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
        // Credit 16: a worker thread has its next chunks waiting in its socket when it replies, so
        // it never idles through a broker round trip, and extracts the chunks waiting together as
        // one batch (sharing per-word work). The cost of credit (a worker that dies loses what it
        // holds) does not apply: these workers live and die with the process. At a job's end a
        // thread may hold up to 16 chunks while another is idle (8 and 32 measured slower).
        broker = Broker(
            configuration: BrokerConfiguration(bindEndpoints: [requested], workerCredit: 16), context: context,
            logger: logger.labelled("broker"))
        endpoint = try broker.start().first ?? requested
        var configuration = configuration
        configuration.brokerEndpoint = endpoint
        aggregator = try AggregatorService(
            context: context, configuration: configuration, logger: logger.labelled("aggregator"))
        self.logger = logger
    }

    /// Starts `count` extraction worker threads on `pipeline` (once; later calls do nothing).
    func startWorkers(_ count: Int, pipeline: Pipeline) {
        workers.withLock { workers in
            guard workers == nil else { return }
            workers = ExtractionWorkerService(
                context: context, brokerEndpoint: endpoint, threads: count, pipeline: pipeline,
                logger: logger.labelled("worker"))
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
