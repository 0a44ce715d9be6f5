/// One problem found in a configuration file or a `NEWSBUS_*` variable: where, and what is wrong.
struct ConfigIssue: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong with a value.
    enum Reason: Error, Hashable, Sendable, CustomStringConvertible {
        case wrongType(expected: String, found: String)
        case outOfRange(expected: String, found: Int)
        case invalid(String)
        case unknownKey(known: [String])
        case syntax(String)

        var description: String {
            switch self {
            case .wrongType(let expected, let found): "expected \(expected), found \(found)"
            case .outOfRange(let expected, let found): "expected \(expected), found \(found)"
            case .invalid(let reason): reason
            case .unknownKey(let known): "unknown key; known keys here: \(known.joined(separator: ", "))"
            case .syntax(let problem): "not valid YAML: \(problem)"
            }
        }
    }

    /// The file, or the environment variable's name.
    let source: String
    /// The line in the file (1-based), when known.
    let line: Int?
    /// The key path, e.g. `broker.queue_limit` (empty for the whole file).
    let key: String
    let reason: Reason

    /// `FILE:LINE: key: reason`.
    var description: String {
        let place = line.map { "\(source):\($0)" } ?? source
        return key.isEmpty ? "\(place): \(reason)" : "\(place): \(key): \(reason)"
    }
}

/// Every problem found in the configuration, to show at once; the process does not start.
struct ConfigError: Error, CustomStringConvertible {
    let issues: [ConfigIssue]

    var description: String {
        "the configuration has \(issues.count) problem\(issues.count == 1 ? "" : "s"); fix them "
            + "(`newsbus config check FILE` lists them):\n" + issues.map { "  \($0)" }.joined(separator: "\n")
    }
}
