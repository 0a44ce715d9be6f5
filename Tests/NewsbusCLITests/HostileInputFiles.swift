import Foundation
import NewsbusTestSupport
import Testing

/// Hostile files given to `newsbus submit` against the live cluster: refused on the client with a
/// message naming the file and a fix, non-zero exit, and no job id printed.
enum HostileInputFiles {
    /// Writes the file for `input`, runs `submit --wait` on it and checks the refusal.
    static func check(_ input: HostileInput, _ cluster: HostileInputCluster) async throws -> String {
        let scratch = try cluster.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let (file, expected) = try make(input, in: scratch)
        let out = scratch.appendingPathComponent("out")
        let submit = try await cluster.submit(["--wait", "--out", out.path, file.path])
        #expect(submit.output.exitStatus != nil && submit.output.exitStatus != 0, "submit fails on \(input)")
        let message = submit.output.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(
            message.contains(file.path) && message.contains(expected),
            "the message names the file and the fault: \(message)")
        #expect(submit.output.stdout.isEmpty, "no job id is printed")
        return "exit \(submit.output.exitStatus ?? -1): \(message.replacingOccurrences(of: scratch.path, with: "$TMP"))"
    }

    /// The file and a fragment the refusal must contain.
    private static func make(_ input: HostileInput, in directory: URL) throws -> (URL, String) {
        switch input {
        case .fileOf200MB:
            // Written sparse-free but cheap: 200 MB of one repeated sentence, in 1 MB blocks.
            let url = directory.appendingPathComponent("huge.txt")
            try Data("A huge article\n\n".utf8).write(to: url)
            let handle = try FileHandle(forWritingTo: url)
            defer { try? handle.close() }
            try handle.seekToEnd()
            let block = Data(String(repeating: "Berlin is big. ", count: 1_000_000 / 15).utf8)
            for _ in 0..<200 { try handle.write(contentsOf: block) }
            return (url, "over the limit of 10000000")
        case .fileInvalidUTF8:
            let url = directory.appendingPathComponent("latin1.txt")
            try Data("Title\n\nCaf".utf8 + [0xE9] + " opens in Berlin.".utf8).write(to: url)
            return (url, "not valid UTF-8")
        case .fileBinary:
            let url = directory.appendingPathComponent("image.png")
            var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]
            var state: UInt32 = 7
            for _ in 0..<4096 {
                state = state &* 1_103_515_245 &+ 12345
                bytes.append(UInt8(truncatingIfNeeded: state >> 16))
            }
            try Data(bytes).write(to: url)
            return (url, "looks binary")
        default:
            let url = directory.appendingPathComponent("empty.jsonl")
            try Data().write(to: url)
            return (url, "has no text")
        }
    }
}
