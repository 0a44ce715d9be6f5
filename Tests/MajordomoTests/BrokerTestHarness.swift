import Logging
import Majordomo
import NewsbusTestSupport
import ZeroMQ

/// One captured log line.
struct LogRecord: Sendable {
    let level: Logger.Level
    let message: String
    let metadata: Logger.Metadata
}

/// Keeps every log line in memory so tests can wait for the broker to report something.
struct CapturingLogHandler: LogHandler {
    let records: Observed<[LogRecord]>
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        records.update { $0.append(LogRecord(level: event.level, message: event.message.description, metadata: merged)) }
    }
}

/// A broker on `tcp://127.0.0.1:0` with its logs captured, and raw peers to talk to it.
final class BrokerHarness {
    let context: Context
    let broker: Broker
    let endpoint: String
    let logs = Observed<[LogRecord]>([])

    init(_ configuration: BrokerConfiguration = BrokerConfiguration()) throws {
        context = try Context()
        let records = logs
        let logger = Logger(label: "test.broker") { _ in CapturingLogHandler(records: records) }
        broker = Broker(
            configuration: configuration.with { $0.bindEndpoints = ["tcp://127.0.0.1:0"] }, context: context, logger: logger)
        endpoint = try broker.start()[0]
    }

    deinit {
        broker.stop()
    }

    /// A DEALER connected to the broker, with `identity` as its routing id.
    func peer(_ identity: String) throws -> Socket {
        let socket = try Socket(context, type: .dealer)
        try socket.set(.routingID(Array(identity.utf8)))
        try socket.set(.receiveTimeout(.seconds(10)))
        try socket.connect(endpoint)
        return socket
    }

    /// Waits until a log line with `message` (and `worker` in `mdp.worker`, if given) appears.
    func waitForLog(_ message: String, worker: String? = nil, count: Int = 1) -> Bool {
        logs.wait(within: .seconds(10)) { records in
            records.filter { $0.message == message && (worker == nil || $0.metadata["mdp.worker"] == "\(worker ?? "")") }
                .count >= count
        }
    }

    /// How many log lines say `message`.
    func logCount(_ message: String) -> Int {
        logs.value.filter { $0.message == message }.count
    }
}

/// Frame shorthands for raw MDP traffic.
enum Wire {
    static let worker: [UInt8] = Array("MDPW02".utf8)
    static let client: [UInt8] = Array("MDPC02".utf8)

    static func text(_ text: String) -> [UInt8] {
        Array(text.utf8)
    }
}
