import Foundation
import NewsbusTestSupport
import Testing

@Suite("newsbus submit, run and extract reject bad input")
struct BadInputTests {
    enum Input: String, CaseIterable, CustomTestStringConvertible {
        case missing, invalidUTF8, empty
        var testDescription: String { rawValue }

        /// Creates the bad file (or not, for `missing`) in `directory` and returns its path.
        func make(in directory: URL) throws -> String {
            switch self {
            case .missing:
                return directory.appendingPathComponent("no-such-articles.jsonl").path
            case .invalidUTF8:
                let url = directory.appendingPathComponent("latin1.txt")
                try Data([0x54, 0x69, 0x74, 0x6C, 0x65, 0x0A, 0x0A, 0x43, 0x61, 0x66, 0xE9, 0x20, 0x6F, 0x70, 0x65, 0x6E, 0x73, 0x2E])
                    .write(to: url)
                return url.path
            case .empty:
                let url = directory.appendingPathComponent("empty.jsonl")
                try Data().write(to: url)
                return url.path
            }
        }
    }

    @Test("bad input exits non-zero with a message naming the file", arguments: ["submit", "run", "extract"], Input.allCases)
    func rejected(command: String, input: Input) async throws {
        let directory = try CLITestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try input.make(in: directory)
        var arguments = [command, path]
        if command != "extract" { arguments += ["--out", directory.appendingPathComponent("out").path] }
        if command == "submit" { arguments += ["--broker", "tcp://127.0.0.1:9", "--wait"] }
        let process = try CLITestSupport.start(arguments)
        let status = try await process.exitStatus(within: .seconds(60))
        #expect(status != 0)
        #expect(process.output.stderr.contains(path), "stderr: \(process.output.stderr)")
        #expect(process.output.stdout.isEmpty, "no job id is printed")
    }
}
