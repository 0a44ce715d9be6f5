import Foundation
import NewsbusTestSupport
import Testing

@Suite("newsbus keygen and the broker's warning, with real processes")
struct CurveKeygenTests {
    @Test("keygen writes a 0600 secret key and a Z85 public key, and refuses to overwrite them without --force")
    func keygenWritesKeys() async throws {
        let directory = try CLITestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let keys = directory.appendingPathComponent("keys")
        let first = try CLITestSupport.start(["keygen", "--out", keys.path, "--name", "host1"])
        #expect(try await first.exitStatus(within: .seconds(30)) == 0, "\(first.output.stderr)")

        let secretPath = keys.appendingPathComponent("host1.key").path
        let publicPath = keys.appendingPathComponent("host1.pub").path
        let attributes = try FileManager.default.attributesOfItem(atPath: secretPath)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let publicKey = try String(contentsOfFile: publicPath, encoding: .utf8).trimmingCharacters(in: .newlines)
        let secretKey = try String(contentsOfFile: secretPath, encoding: .utf8).trimmingCharacters(in: .newlines)
        #expect(publicKey.count == 40 && secretKey.count == 40 && publicKey != secretKey)
        #expect(first.output.stdout.contains(publicKey))

        let again = try CLITestSupport.start(["keygen", "--out", keys.path, "--name", "host1"])
        #expect(try await again.exitStatus(within: .seconds(30)) != 0)
        #expect(again.output.stderr.contains("already exists") && again.output.stderr.contains("--force"))
        #expect(try String(contentsOfFile: secretPath, encoding: .utf8).hasPrefix(secretKey), "left unchanged")

        let forced = try CLITestSupport.start(["keygen", "--out", keys.path, "--name", "host1", "--force"])
        #expect(try await forced.exitStatus(within: .seconds(30)) == 0, "\(forced.output.stderr)")
        #expect(!(try String(contentsOfFile: secretPath, encoding: .utf8).hasPrefix(secretKey)), "replaced")
        let replaced = try FileManager.default.attributesOfItem(atPath: secretPath)
        #expect((replaced[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test("keygen refuses a name with a slash, a leading dot or nothing", arguments: ["a/b", ".hidden", ""])
    func keygenRejectsBadNames(name: String) async throws {
        let directory = try CLITestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let keygen = try CLITestSupport.start(["keygen", "--out", directory.path, "--name", name])
        #expect(try await keygen.exitStatus(within: .seconds(30)) != 0)
        #expect(keygen.output.stderr.contains("Please provide a --name"))
    }

    @Test("role commands reject incomplete CURVE options with a 'Please provide' message", arguments: [
        ["broker", "--curve-secret-key", "/nonexistent.key"],
        ["broker", "--curve-allow", "/nonexistent"],
        ["worker", "--curve-server-key", "/nonexistent.pub"],
        ["submit", "--curve-secret-key", "/nonexistent.key", "x.txt"],
        ["status", "--curve-allow", "/nonexistent"],
    ])
    func incompleteOptions(arguments: [String]) async throws {
        let process = try CLITestSupport.start(arguments)
        #expect(try await process.exitStatus(within: .seconds(30)) != 0)
        #expect(process.output.stderr.contains("Please provide"), "\(process.output.stderr)")
    }
}
