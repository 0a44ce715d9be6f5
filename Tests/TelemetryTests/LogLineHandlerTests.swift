import Foundation
import Logging
import Synchronization
import Telemetry
import Testing

/// The three log line formats, written through a real `Logger`.
@Suite("Log line handler: text, logfmt and json")
struct LogLineHandlerTests {
    /// Collects the lines a handler writes.
    final class Lines: Sendable {
        private let lines = Mutex<[String]>([])
        var all: [String] { lines.withLock { $0 } }
        var sink: LogLineHandler.Sink { LogLineHandler.Sink { line in self.lines.withLock { $0.append(line) } } }
    }

    func log(_ format: LogFormat, level: Logger.Level = .info, _ body: (Logger) -> Void) -> [String] {
        let lines = Lines()
        let sink = lines.sink
        var logger = Logger(label: "newsbus.aggregator") { label in
            LogLineHandler(label: label, format: format, level: level, sink: sink)
        }
        logger[metadataKey: "role.instance"] = "a1"
        body(logger)
        return lines.all
    }

    @Test("text: timestamp, level, label, message, then sorted metadata")
    func text() throws {
        let lines = log(.text) { $0.info("chunk done", metadata: ["job.id": "j1", "chunk.id": "j1/a/0"]) }
        let line = try #require(lines.first)
        #expect(line.hasSuffix(" info newsbus.aggregator: chunk done chunk.id=j1/a/0 job.id=j1 role.instance=a1"))
        #expect(line.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z .*/) != nil, "\(line)")
    }

    @Test("logfmt: key=value pairs, values with spaces or quotes quoted")
    func logfmt() throws {
        let lines = log(.logfmt) { $0.warning("retry \"soon\"", metadata: ["job.id": "my job", "n": "3"]) }
        let line = try #require(lines.first)
        #expect(line.hasPrefix("ts="))
        #expect(line.contains(" level=warning logger=newsbus.aggregator msg=\"retry \\\"soon\\\"\" job.id=\"my job\" n=3 role.instance=a1"))
    }

    @Test("json: one object a line that JSONSerialization reads back, nested metadata kept")
    func json() throws {
        let lines = log(.json) {
            $0.error("chunk failed\nbadly", metadata: ["job.id": "j1", "tries": .array(["1", "2"]), "x": .dictionary(["k": "v"])])
        }
        let line = try #require(lines.first)
        #expect(!line.contains("\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["level"] as? String == "error")
        #expect(object["logger"] as? String == "newsbus.aggregator")
        #expect(object["msg"] as? String == "chunk failed\nbadly")
        #expect(object["job.id"] as? String == "j1")
        #expect(object["role.instance"] as? String == "a1")
        #expect(object["tries"] as? [String] == ["1", "2"])
        #expect((object["x"] as? [String: String])?["k"] == "v")
        #expect(object["ts"] is String)
    }

    @Test("Records below the level are dropped", arguments: LogFormat.allCases)
    func levels(format: LogFormat) {
        let lines = log(format, level: .warning) {
            $0.info("quiet")
            $0.warning("loud")
        }
        #expect(lines.count == 1)
        #expect(lines.first?.contains("loud") == true)
    }
}
