import Aggregation
import Extraction
import ExtractionWorker
import Foundation
import Logging
import Majordomo
import ZeroMQ

/// Broker, aggregator and extraction workers in one process, talking MDP over `inproc://`: the
/// same roles and code paths as the distributed cluster, for `newsbus run`.
final class EmbeddedCluster {
    /// The broker's in-process endpoint; clients in this process connect here.
    let endpoint: String
    /// The ZeroMQ context every role shares (inproc needs one context).
    let context: Context
    private let broker: Broker
    private let aggregator: AggregatorService
    private let workers: ExtractionWorkerService

    /// Starts every role; `aggregator` names the store and tunables (its broker endpoint is replaced).
    init(
        workers: Int, pipeline: Pipeline, aggregator configuration: AggregatorService.Configuration, logger: Logger
    ) throws {
        context = try Context()
        let requested = "inproc://newsbus-run-\(UUID().uuidString)"
        broker = Broker(
            configuration: BrokerConfiguration(bindEndpoints: [requested]), context: context,
            logger: logger.labelled("broker"))
        endpoint = try broker.start().first ?? requested
        var configuration = configuration
        configuration.brokerEndpoint = endpoint
        aggregator = try AggregatorService(
            context: context, configuration: configuration, logger: logger.labelled("aggregator"))
        self.workers = ExtractionWorkerService(
            context: context, brokerEndpoint: endpoint, threads: workers, pipeline: pipeline,
            logger: logger.labelled("worker"))
    }

    /// Stops the roles in reverse order and joins their threads.
    func stop() {
        aggregator.stop()
        workers.stop()
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
