@testable import Aggregation
import Foundation
import Logging
import Majordomo
import NewsWire
import SwiftProtobuf
import Testing
import ZeroMQ

/// The standalone aggregator's window over a real broker: it follows the extraction workers the
/// broker has. Synchronous: the raw sockets stay on the test's thread.
@Suite("AggregatorService window, over a real broker")
struct AggregatorServiceWindowTests {
    static let quiet = Logger(label: "test.aggregator") { _ in SwiftLogNoOpLogHandler() }
    static let workerHeader = Array("MDPW02".utf8)
    static let clientHeader = Array("MDPC02".utf8)

    @Test("five workers that never answer each get a request, though the window started at two")
    func everyWorkerGetsWork() throws {
        let directory = try TemporaryDirectory()
        let context = try Context()
        let broker = Broker(
            configuration: BrokerConfiguration(bindEndpoints: ["tcp://127.0.0.1:0"]), context: context,
            logger: Self.quiet)
        let endpoint = try broker.start()[0]
        defer { broker.stop() }
        let workers = try (0..<5).map { _ in
            let socket = try Socket(context, type: .dealer)
            try socket.set(.receiveTimeout(.seconds(20)))
            try socket.connect(endpoint)
            try socket.send([Self.workerHeader, [0x01], Array("newsbus.extract".utf8)])
            return socket
        }
        defer { workers.forEach { $0.close() } }

        var configuration = AggregatorService.Configuration(
            brokerEndpoint: endpoint, storeDirectory: directory.path,
            aggregator: .init(window: .init(window: 2, timeout: .seconds(3600))))
        configuration.workerCheckInterval = .milliseconds(100)
        configuration.windowSizing = WindowSizing(minimum: 2, perWorker: 2, maximum: 100)
        let service = try AggregatorService(context: context, configuration: configuration, logger: Self.quiet)
        defer { service.stop() }

        let client = try Socket(context, type: .dealer)
        defer { client.close() }
        try client.set(.receiveTimeout(.seconds(60)))
        try client.connect(endpoint)
        var request = Newsbus_V1_JobRequest()
        request.schemaVersion = newsbusSchemaVersion
        request.submit.articles = (1...20).map { index in
            var article = Newsbus_V1_Article()
            article.id = "a\(index)"
            article.text = "Israel welcomed the move on Tuesday."
            return article
        }
        try client.send([Self.clientHeader, [0x01], Array("newsbus.jobs".utf8)] + JobFrames.split(try request.serializedBytes()))
        let reply = try #require(try client.receive())
        let answer = try Newsbus_V1_JobReply(serializedBytes: JobFrames.join(Array(reply.dropFirst(3))))
        #expect(answer.accepted.articles == 20)

        for (index, worker) in workers.enumerated() {
            var message = try worker.receive()
            while let frames = message, frames.count > 1, frames[1] == [0x05] {
                message = try worker.receive()
            }
            let frames = try #require(message, "worker \(index) got no request")
            #expect(frames.count > 1 && frames[1] == [0x02], "worker \(index) got a REQUEST")
        }
    }
}
