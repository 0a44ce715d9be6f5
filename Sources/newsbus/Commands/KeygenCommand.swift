import ArgumentParser
import Foundation
import ZeroMQ

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `newsbus keygen`: writes a CurveZMQ key pair, DIR/NAME.key (secret) and DIR/NAME.pub (public).
struct KeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Write a CurveZMQ key pair: DIR/NAME.key (secret, mode 0600) and DIR/NAME.pub (public).",
        discussion: """
            Each file holds one 40-character Z85 key. Give the broker its .key and a directory of the \
            peers' .pub files (--curve-secret-key, --curve-allow); give each worker, aggregator and client \
            its own .key and the broker's .pub (--curve-secret-key, --curve-server-key).
            """
    )

    @Option(help: "Directory to write the key files to (created if missing).")
    var out: String

    @Option(help: "Name of the key pair, e.g. broker or the host name; the files are NAME.key and NAME.pub.")
    var name: String

    @Flag(help: "Replace existing key files (peers holding the old public key must get the new one).")
    var force = false

    func validate() throws {
        guard !name.isEmpty, !name.contains("/"), !name.hasPrefix(".") else {
            throw ValidationError("Please provide a --name without '/' that does not start with '.', e.g. broker.")
        }
    }

    func run() throws {
        let secretPath = (out as NSString).appendingPathComponent("\(name).key")
        let publicPath = (out as NSString).appendingPathComponent("\(name).pub")
        if !force {
            for path in [secretPath, publicPath] where FileManager.default.fileExists(atPath: path) {
                throw KeygenError(path: path, reason: "it already exists; pass --force to replace it")
            }
        }
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        } catch {
            throw KeygenError(path: out, reason: "cannot create the directory (\(error.localizedDescription))")
        }
        let pair = try CurveKeyPair.generate()
        try Self.write(pair.secretKey.z85 + "\n", to: secretPath, mode: 0o600)
        try Self.write(pair.publicKey.z85 + "\n", to: publicPath, mode: 0o644)
        print("secret key: \(secretPath) (keep it private)")
        print("public key: \(publicPath) \(pair.publicKey.z85)")
    }

    /// Writes `text` to a new file at `path` created with `mode`, replacing any file there.
    private static func write(_ text: String, to path: String, mode: mode_t) throws {
        if unlink(path) != 0, errno != ENOENT {
            throw KeygenError(path: path, reason: "cannot replace it (\(String(cString: strerror(errno))))")
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard descriptor >= 0 else {
            throw KeygenError(path: path, reason: "cannot create it (\(String(cString: strerror(errno))))")
        }
        defer { close(descriptor) }
        // The umask may have narrowed the mode; the public key must stay readable by peers' admins.
        fchmod(descriptor, mode)
        do {
            try FileHandle(fileDescriptor: descriptor, closeOnDealloc: false).write(contentsOf: Data(text.utf8))
        } catch {
            throw KeygenError(path: path, reason: "cannot write it (\(error.localizedDescription))")
        }
    }
}

/// A key file `newsbus keygen` cannot write.
struct KeygenError: Error, CustomStringConvertible {
    /// The file or directory concerned.
    let path: String
    /// What went wrong and what to do.
    let reason: String

    var description: String { "\(path): \(reason)" }
}
