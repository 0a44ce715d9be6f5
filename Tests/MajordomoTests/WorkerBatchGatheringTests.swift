import Foundation
import Logging
import Majordomo
import NewsbusTestSupport
import Testing
import ZeroMQ

/// A batch-handling worker with ``BatchGathering`` under a broker with worker credit: a short
/// batch waits for more requests, but not past its patience.
@Suite("Worker batch gathering")
struct WorkerBatchGatheringTests {
    static let logger = Logger(label: "newsbus.test.gathering")
    /// Long enough that no heartbeat cuts a gathering wait short within a test.
    static let quiet = Duration.seconds(60)

    /// A broker (credit 2, no heartbeats to speak of), a gathering echo worker recording its batch
    /// sizes, and a client recording its replies.
    struct Cluster {
        let context: Context
        let broker: Broker
        let worker: WorkerConnection
        let client: ClientConnection
        let batchSizes = Observed<[Int]>([])
        let replies = Observed<[[[UInt8]]]>([])
        /// Set when the handler's first call begins.
        let started = Observed(false)

        /// `gate`: when given, the handler's first call waits until it is signalled.
        init(gathering: BatchGathering, byteLimit: Int = 1 << 20, credit: Int = 2, gate: DispatchSemaphore? = nil) throws {
            context = try Context()
            let name = "inproc://gathering-\(UUID().uuidString)"
            broker = Broker(
                configuration: BrokerConfiguration(
                    bindEndpoints: [name], heartbeatInterval: WorkerBatchGatheringTests.quiet, workerCredit: credit),
                context: context, logger: WorkerBatchGatheringTests.logger)
            let endpoint = try broker.start().first ?? name
            var configuration = WorkerConfiguration(
                brokerEndpoint: endpoint, service: "echo", heartbeatInterval: WorkerBatchGatheringTests.quiet)
            configuration.batchGathering = gathering
            configuration.batchByteLimit = byteLimit
            let batchSizes = batchSizes
            let started = started
            worker = WorkerConnection(context: context, configuration: configuration, logger: WorkerBatchGatheringTests.logger) {
                batch in
                if batchSizes.value.isEmpty {
                    started.update { $0 = true }
                    gate?.wait()
                }
                batchSizes.update { $0.append(batch.count) }
                return batch.map { .success($0) }
            }
            let replies = replies
            client = ClientConnection(
                context: context, configuration: ClientConfiguration(brokerEndpoint: endpoint),
                logger: WorkerBatchGatheringTests.logger
            ) { received in replies.update { $0 += received.map(\.body) } }
        }

        func stop() {
            client.close()
            worker.stop()
            broker.stop()
        }
    }

    @Test("A lone request waits for a second one, and the two are served as one batch")
    func waitsForMore() throws {
        let cluster = try Cluster(gathering: BatchGathering(size: 2, patience: Self.quiet))
        defer { cluster.stop() }
        try cluster.client.send(service: "echo", body: [[1]])
        // Without gathering the first request is answered at once; with it, nothing comes back yet.
        #expect(!cluster.replies.wait(within: .milliseconds(500)) { !$0.isEmpty })
        try cluster.client.send(service: "echo", body: [[2]])
        #expect(cluster.replies.wait(within: .seconds(30)) { $0.count == 2 })
        #expect(cluster.replies.value == [[[1]], [[2]]])
        #expect(cluster.batchSizes.value == [2])
    }

    @Test("A short batch is served once its patience runs out")
    func patienceRunsOut() throws {
        let cluster = try Cluster(gathering: BatchGathering(size: 8, patience: .milliseconds(50)))
        defer { cluster.stop() }
        try cluster.client.send(service: "echo", body: [[7]])
        #expect(cluster.replies.wait(within: .seconds(30)) { $0.count == 1 })
        #expect(cluster.replies.value == [[[7]]])
        #expect(cluster.batchSizes.value == [1])
    }

    @Test("A batch takes no more requests once their bodies reach the byte limit")
    func byteLimit() throws {
        let cluster = try Cluster(gathering: BatchGathering(size: 2, patience: Self.quiet), byteLimit: 8)
        defer { cluster.stop() }
        try cluster.client.send(service: "echo", body: [Array(repeating: 1, count: 10)])
        try cluster.client.send(service: "echo", body: [Array(repeating: 2, count: 10)])
        // Without the limit the first request would wait for the second and both be one batch.
        #expect(cluster.replies.wait(within: .seconds(30)) { $0.count == 2 })
        #expect(cluster.batchSizes.value == [1, 1])
    }

    @Test("Without a size, a lone request under a classic broker (credit 1) is served at once")
    func observedSizeUnderClassicBroker() throws {
        let cluster = try Cluster(gathering: BatchGathering(patience: Self.quiet), credit: 1)
        defer { cluster.stop() }
        try cluster.client.send(service: "echo", body: [[3]])
        #expect(cluster.replies.wait(within: .seconds(10)) { $0.count == 1 })
        #expect(cluster.batchSizes.value == [1])
    }

    @Test("Without a size, batches fill up to the most requests seen waiting together")
    func observedSizeUnderCredit() throws {
        let gate = DispatchSemaphore(value: 0)
        let cluster = try Cluster(gathering: BatchGathering(patience: Self.quiet), credit: 3, gate: gate)
        defer { cluster.stop() }
        // The first request holds the worker while two more reach its socket: they wait together.
        try cluster.client.send(service: "echo", body: [[1]])
        #expect(cluster.started.wait(within: .seconds(30)) { $0 })
        try cluster.client.send(service: "echo", body: [[2]])
        try cluster.client.send(service: "echo", body: [[3]])
        #expect(!cluster.replies.wait(within: .milliseconds(300)) { !$0.isEmpty })
        gate.signal()
        #expect(cluster.replies.wait(within: .seconds(30)) { $0.count == 3 })
        // Two were seen waiting together, so a lone request now waits for a second.
        try cluster.client.send(service: "echo", body: [[4]])
        #expect(!cluster.replies.wait(within: .milliseconds(500)) { $0.count > 3 })
        try cluster.client.send(service: "echo", body: [[5]])
        #expect(cluster.replies.wait(within: .seconds(30)) { $0.count == 5 })
        #expect(cluster.batchSizes.value == [1, 2, 2])
    }
}
