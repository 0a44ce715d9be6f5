import Foundation
import Testing

@testable import Aggregation

@Suite("ReportFile")
struct ReportFileTests {
    private func write(_ pieces: [String], as name: String, in directory: String) throws(AggregationError) -> String {
        try ReportFile.write(as: name, in: directory) { output in
            for piece in pieces { Array(piece.utf8).withUnsafeBytes(output) }
        }
    }

    @Test("the pieces land in order in the file, which replaces an older one, and no temporary file stays")
    func pieces() throws {
        let directory = try TemporaryDirectory()
        try "old report".write(toFile: directory.path + "/report.json", atomically: false, encoding: .utf8)
        let path = try write(["{", "\"a\" : 1", "}\n"], as: "report.json", in: directory.path)
        #expect(path == directory.path + "/report.json")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{\"a\" : 1}\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["report.json"])
    }

    @Test("a piece larger than one write call lands whole, byte for byte")
    func largePiece() throws {
        let directory = try TemporaryDirectory()
        let bytes = (0..<(ReportFile.writeLimit * 3 + 123)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let path = try ReportFile.write(as: "report.json", in: directory.path) { output in
            bytes.withUnsafeBytes(output)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(bytes))
    }

    @Test("a file that cannot be created is an error naming it, and nothing is left behind")
    func unwritable() throws {
        let directory = try TemporaryDirectory()
        let missing = directory.path + "/no-such-directory"
        #expect {
            try write(["x"], as: "report.md", in: missing)
        } throws: { error in
            guard case .reportWrite(let path, let reason) = error as? AggregationError else { return false }
            return path == missing + "/report.md" && reason.contains("No such file")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test("a report written with its events' rendering started beforehand has the bytes rendered at once")
    func eventsStartedEarly() throws {
        let report = SampleReport.make()
        let directory = try TemporaryDirectory()
        let events = Parallel.start { ReportJSON.events(report.events) }
        let paths = try ReportWriter().write(report, to: directory.path, events: events)
        #expect(try Data(contentsOf: URL(fileURLWithPath: paths[0])) == Data(ReportJSON.render(report)))
    }
}
