import Foundation
import Logging
import Telemetry

/// The kinds of values settings take, with their parsing and checks in one place.
enum ConfigKind: Sendable {
    case integer(ClosedRange<Int>)
    /// A ZeroMQ endpoint: `tcp://HOST:PORT`, `ipc://PATH` or `inproc://NAME`.
    case endpoint
    /// One or more endpoints.
    case endpoints
    /// `HOST:PORT` for the metrics HTTP server.
    case metricsAddress
    /// A directory or file path (need not exist yet).
    case path
    /// A CURVE key file from `newsbus keygen` that must exist and hold one key.
    case keyFile
    /// One or more directories of `*.pub` files or files of keys, which must exist.
    case keyPaths
    case logLevel
    case logFormat

    /// What the kind expects, for error messages.
    var expectation: String {
        switch self {
        case .integer(let range): "a whole number from \(range.lowerBound) to \(range.upperBound)"
        case .endpoint: "an endpoint such as tcp://127.0.0.1:5555, ipc:///run/newsbus/broker or inproc://name"
        case .endpoints: "an endpoint or a list of endpoints such as [tcp://127.0.0.1:5555]"
        case .metricsAddress: "HOST:PORT such as 127.0.0.1:9464"
        case .path: "a path"
        case .keyFile: "the path of a key file written by `newsbus keygen`"
        case .keyPaths: "a directory of *.pub files or a file of public keys, or a list of them"
        case .logLevel: "one of " + Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
        case .logFormat: "one of " + LogFormat.allCases.map(\.rawValue).joined(separator: ", ")
        }
    }

    /// Whether the kind takes a list.
    var isList: Bool {
        switch self {
        case .endpoints, .keyPaths: true
        default: false
        }
    }

    /// Parses one text value (from the environment: lists are comma-separated) and checks it.
    /// Relative paths are taken relative to `baseDirectory` when given. Throws the reason it is wrong.
    func value(from text: String, baseDirectory: String? = nil) throws(ConfigIssue.Reason) -> ConfigValue {
        if isList {
            let items = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            return try value(items: items, baseDirectory: baseDirectory)
        }
        switch self {
        case .integer(let range):
            guard let number = Int(text.trimmingCharacters(in: .whitespaces)) else {
                throw .wrongType(expected: expectation, found: "'\(text)'")
            }
            guard range.contains(number) else { throw .outOfRange(expected: expectation, found: number) }
            return .integer(number)
        case .endpoint:
            try Self.checkEndpoint(text)
            return .text(text)
        case .metricsAddress:
            do {
                _ = try MetricsAddress(parsing: text)
            } catch {
                throw .invalid(error.description)
            }
            return .text(text)
        case .path:
            guard !text.isEmpty else { throw .invalid("the path is empty") }
            return .text(Self.absolute(text, baseDirectory: baseDirectory))
        case .keyFile:
            let path = Self.absolute(text, baseDirectory: baseDirectory)
            guard FileManager.default.fileExists(atPath: path) else { throw .invalid("no such file: \(path)") }
            do {
                _ = try CurveKeyFile.key(at: path)
            } catch {
                throw .invalid(error.description)
            }
            return .text(path)
        case .logLevel:
            guard Logger.Level(rawValue: text.lowercased()) != nil else { throw .wrongType(expected: expectation, found: "'\(text)'") }
            return .text(text.lowercased())
        case .logFormat:
            guard LogFormat(rawValue: text.lowercased()) != nil else { throw .wrongType(expected: expectation, found: "'\(text)'") }
            return .text(text.lowercased())
        case .endpoints, .keyPaths:
            return try value(items: [text], baseDirectory: baseDirectory)
        }
    }

    /// Parses and checks a list value.
    func value(items: [String], baseDirectory: String?) throws(ConfigIssue.Reason) -> ConfigValue {
        guard isList else { throw .wrongType(expected: expectation, found: "a list") }
        guard !items.isEmpty else { throw .invalid("the list is empty") }
        switch self {
        case .endpoints:
            for item in items { try Self.checkEndpoint(item) }
            return .list(items)
        default:
            let paths = items.map { Self.absolute($0, baseDirectory: baseDirectory) }
            for path in paths {
                do {
                    _ = try CurveKeyFile.allowList(at: path)
                } catch {
                    throw .invalid(error.description)
                }
            }
            return .list(paths)
        }
    }

    /// Checks a ZeroMQ endpoint's shape.
    static func checkEndpoint(_ text: String) throws(ConfigIssue.Reason) {
        let bad = ConfigIssue.Reason.invalid(
            "'\(text)' is not an endpoint; give tcp://HOST:PORT, ipc://PATH or inproc://NAME")
        if text.hasPrefix("tcp://") {
            let rest = text.dropFirst("tcp://".count)
            guard let colon = rest.lastIndex(of: ":"), !rest[..<colon].isEmpty else { throw bad }
            let port = rest[rest.index(after: colon)...]
            guard port == "*" || UInt16(port) != nil else { throw bad }
        } else if text.hasPrefix("ipc://") || text.hasPrefix("inproc://") {
            guard !text.hasSuffix("//") else { throw bad }
        } else {
            throw bad
        }
    }

    private static func absolute(_ path: String, baseDirectory: String?) -> String {
        guard let baseDirectory, !path.hasPrefix("/") else { return path }
        return (baseDirectory as NSString).appendingPathComponent(path)
    }
}
