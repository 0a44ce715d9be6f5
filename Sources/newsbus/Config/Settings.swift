import Foundation
import Synchronization

/// The settings in force for this process: `NEWSBUS_*` environment variables over the
/// configuration file (`--config FILE` or `NEWSBUS_CONFIG`) over defaults; each command's flags
/// come first of all (``text(_:_:)`` and friends take the flag's value).
///
/// Loaded and checked once, when a command's options are validated (``LoggingOptions``), and then
/// read-only, like swift-log's bootstrap: option groups resolve their values through ``current``.
struct Settings: Sendable {
    /// Where a value came from, for `config show`.
    enum Source: Hashable, Sendable, CustomStringConvertible {
        case flag
        case environment(String)
        case file(String, line: Int?)
        case builtIn

        var description: String {
            switch self {
            case .flag: "flag"
            case .environment(let name): "environment \(name)"
            case .file(let path, let line): line.map { "\(path):\($0)" } ?? path
            case .builtIn: "default"
            }
        }
    }

    /// The environment variable naming the configuration file.
    static let fileVariable = "NEWSBUS_CONFIG"

    /// The configuration file, if one was given.
    let file: ConfigFile?
    /// Settings given by `NEWSBUS_*` variables, checked.
    let environment: [ConfigKey: ConfigValue]

    /// Defaults only.
    static let defaults = Settings(file: nil, environment: [:])

    /// Loads the file (`configPath`, else `NEWSBUS_CONFIG`, else none) and checks the `NEWSBUS_*`
    /// variables in `environment`; throws ``ConfigError`` listing every problem.
    static func load(configPath: String?, environment: [String: String]) throws(ConfigError) -> Settings {
        var issues: [ConfigIssue] = []
        var file: ConfigFile?
        if let path = configPath ?? environment[fileVariable].flatMap({ $0.isEmpty ? nil : $0 }) {
            do {
                file = try ConfigFile.load(path: path)
            } catch {
                issues += error.issues
            }
        }
        var values: [ConfigKey: ConfigValue] = [:]
        for key in ConfigKey.allCases {
            guard let text = environment[key.environmentName], !text.isEmpty else { continue }
            do {
                values[key] = try key.kind.value(from: text)
            } catch {
                issues.append(ConfigIssue(source: key.environmentName, line: nil, key: key.path, reason: error))
            }
        }
        guard issues.isEmpty else { throw ConfigError(issues: issues) }
        return Settings(file: file, environment: values)
    }

    /// The value of `key` without flags: environment, then file, then default; `nil` when unset.
    func resolved(_ key: ConfigKey) -> (value: ConfigValue, source: Source)? {
        if let value = environment[key] { return (value, .environment(key.environmentName)) }
        if let file, let entry = file.values[key] { return (entry.value, .file(file.path, line: entry.line)) }
        return key.defaultValue.map { ($0, .builtIn) }
    }

    /// The value of `key` given by the environment or the file; `nil` when only its built-in
    /// default applies (for settings whose default depends on the command).
    func configured(_ key: ConfigKey) -> ConfigValue? {
        guard let (value, source) = resolved(key), source != .builtIn else { return nil }
        return value
    }

    /// A text setting: the flag's value if given, else the resolved one.
    func text(_ flag: String?, _ key: ConfigKey) -> String? {
        if let flag { return flag }
        return resolved(key).map { "\($0.value)" }
    }

    /// A whole-number setting: the flag's value if given, else the resolved one.
    func integer(_ flag: Int?, _ key: ConfigKey) -> Int? {
        flag ?? resolved(key)?.value.integer
    }

    /// A list setting: the flag's values if any were given, else the resolved ones (empty when unset).
    func list(_ flag: [String], _ key: ConfigKey) -> [String] {
        guard flag.isEmpty else { return flag }
        switch resolved(key)?.value {
        case .list(let items): return items
        case .text(let text): return [text]
        default: return []
        }
    }

    private static let installed = Mutex(Settings.defaults)

    /// The settings installed for this process (defaults until ``install(_:)``).
    static var current: Settings {
        installed.withLock { $0 }
    }

    /// Makes `settings` the process's settings; called once, when options are validated.
    static func install(_ settings: Settings) {
        installed.withLock { $0 = settings }
    }
}
