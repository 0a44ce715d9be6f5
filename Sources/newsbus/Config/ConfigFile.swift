import Foundation
import Yams

/// A parsed and checked configuration file (YAML): the settings it gives, each with its line.
///
/// The file has one mapping per section (`log`, `broker`, `aggregator`, `worker`, `curve`) of
/// keys listed in ``ConfigKey``. Unknown sections or keys, values of the wrong type, malformed
/// endpoints and missing key files are issues; ``load(path:)`` collects all of them.
struct ConfigFile: Sendable {
    /// The file's path.
    let path: String
    /// The settings given, with the line each is on.
    let values: [ConfigKey: (value: ConfigValue, line: Int?)]

    /// Reads and checks the file at `path`; throws ``ConfigError`` listing every problem.
    static func load(path: String) throws(ConfigError) -> ConfigFile {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigError(issues: [
                ConfigIssue(
                    source: path, line: nil, key: "",
                    reason: .invalid("cannot read the file (\(error.localizedDescription))"))
            ])
        }
        return try parse(text, path: path)
    }

    /// Parses and checks YAML `text` read from `path` (relative key paths are taken from its directory).
    static func parse(_ text: String, path: String) throws(ConfigError) -> ConfigFile {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ConfigError(issues: [Self.syntaxIssue(error, path: path)])
        } catch {
            throw ConfigError(issues: [ConfigIssue(source: path, line: nil, key: "", reason: .syntax("\(error)"))])
        }
        var reader = Reader(path: path, baseDirectory: (path as NSString).deletingLastPathComponent)
        if let root { reader.readRoot(root) }
        guard reader.issues.isEmpty else { throw ConfigError(issues: reader.issues) }
        return ConfigFile(path: path, values: reader.values)
    }

    private static func syntaxIssue(_ error: YamlError, path: String) -> ConfigIssue {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            ConfigIssue(source: path, line: mark.line, key: "", reason: .syntax(problem))
        default:
            ConfigIssue(source: path, line: nil, key: "", reason: .syntax("\(error)"))
        }
    }

    /// Walks the YAML tree, collecting values and issues.
    private struct Reader {
        let path: String
        let baseDirectory: String
        var values: [ConfigKey: (value: ConfigValue, line: Int?)] = [:]
        var issues: [ConfigIssue] = []

        mutating func readRoot(_ root: Node) {
            guard case .mapping(let sections) = root else {
                issue(root, key: "", .wrongType(expected: "a mapping of sections (\(ConfigKey.sections.joined(separator: ", ")))", found: Self.describe(root)))
                return
            }
            for (sectionNode, body) in sections {
                let section = sectionNode.string ?? ""
                guard ConfigKey.sections.contains(section) else {
                    issue(sectionNode, key: section, .unknownKey(known: ConfigKey.sections))
                    continue
                }
                guard case .mapping(let entries) = body else {
                    if case .scalar(let scalar) = body, scalar.string.isEmpty || scalar.string == "~" { continue }
                    issue(body, key: section, .wrongType(expected: "a mapping of keys", found: Self.describe(body)))
                    continue
                }
                let known = ConfigKey.allCases.filter { $0.path.hasPrefix(section + ".") }
                for (keyNode, valueNode) in entries {
                    let name = "\(section).\(keyNode.string ?? "")"
                    guard let key = ConfigKey(rawValue: name) else {
                        issue(keyNode, key: name, .unknownKey(known: known.map { String($0.path.dropFirst(section.count + 1)) }))
                        continue
                    }
                    read(valueNode, for: key)
                }
            }
        }

        private mutating func read(_ node: Node, for key: ConfigKey) {
            do throws(ConfigIssue.Reason) {
                let value: ConfigValue
                switch node {
                case .scalar(let scalar):
                    if case .integer = key.kind, node.int == nil {
                        throw .wrongType(expected: key.kind.expectation, found: "'\(scalar.string)'")
                    }
                    value = try key.kind.value(from: scalar.string, baseDirectory: baseDirectory)
                case .sequence(let sequence):
                    var items: [String] = []
                    for item in sequence {
                        guard case .scalar(let scalar) = item else {
                            throw .wrongType(expected: key.kind.expectation, found: "a nested \(Self.describe(item))")
                        }
                        items.append(scalar.string)
                    }
                    value = try key.kind.value(items: items, baseDirectory: baseDirectory)
                default:
                    throw .wrongType(expected: key.kind.expectation, found: Self.describe(node))
                }
                values[key] = (value, node.mark?.line)
            } catch {
                issue(node, key: key.path, error)
            }
        }

        private mutating func issue(_ node: Node, key: String, _ reason: ConfigIssue.Reason) {
            issues.append(ConfigIssue(source: path, line: node.mark?.line, key: key, reason: reason))
        }

        private static func describe(_ node: Node) -> String {
            switch node {
            case .scalar(let scalar): "'\(scalar.string)'"
            case .mapping: "a mapping"
            case .sequence: "a list"
            case .alias: "an alias"
            }
        }
    }
}
