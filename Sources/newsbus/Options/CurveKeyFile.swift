import Foundation
import ZeroMQ

/// Reads CurveZMQ keys written by `newsbus keygen`: one 40-character Z85 key per line; blank
/// lines and lines starting with `#` are ignored.
enum CurveKeyFile {
    /// Why a key file could not be used.
    struct Failure: Error, CustomStringConvertible {
        /// The file or directory concerned.
        let path: String
        /// What is wrong with it.
        let reason: String

        var description: String {
            "cannot use CURVE key file \(path): \(reason); create keys with `newsbus keygen --out DIR --name NAME`"
        }
    }

    /// The single key in the file at `path`.
    static func key(at path: String) throws(Failure) -> CurveKey {
        let keys = try self.keys(at: path)
        guard keys.count == 1, let key = keys.first else {
            throw Failure(path: path, reason: "expected exactly one key, found \(keys.count)")
        }
        return key
    }

    /// Every key in the file at `path`.
    static func keys(at path: String) throws(Failure) -> [CurveKey] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw Failure(path: path, reason: "not readable (\(error.localizedDescription))")
        }
        var keys: [CurveKey] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            guard let key = try? CurveKey(z85: trimmed) else {
                throw Failure(path: path, reason: "line \(number + 1) is not a 40-character Z85 key")
            }
            keys.append(key)
        }
        return keys
    }

    /// The allow-list at `path`: every `*.pub` file of a directory, or every line of a file.
    static func allowList(at path: String) throws(Failure) -> Set<CurveKey> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw Failure(path: path, reason: "no such file or directory")
        }
        guard isDirectory.boolValue else { return Set(try keys(at: path)) }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".pub") }.sorted()
        } catch {
            throw Failure(path: path, reason: "not readable (\(error.localizedDescription))")
        }
        var keys: Set<CurveKey> = []
        for name in names {
            keys.formUnion(try self.keys(at: (path as NSString).appendingPathComponent(name)))
        }
        guard !keys.isEmpty else {
            throw Failure(path: path, reason: "the directory holds no *.pub key files")
        }
        return keys
    }
}
