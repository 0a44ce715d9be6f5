import ArgumentParser
import Foundation
import Logging
import Telemetry

/// The options every long-running subcommand and client shares: the configuration file, the log
/// level and the log format. This is the one place the process's settings are loaded (in
/// ``validate()``, before the command's own checks) and its logging is bootstrapped.
struct LoggingOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Configuration file (YAML; see deploy/newsbus.yaml); defaults to $NEWSBUS_CONFIG. Flags win over NEWSBUS_* variables, which win over the file.",
        valueName: "file"))
    var config: String?

    @Option(
        help: "Least severe log level to print: trace, debug, info, notice, warning, error or critical (default info; warning for run and clients).",
        transform: Self.level
    )
    var logLevel: Logger.Level?

    @Option(
        help: "Log line format: text (for people), logfmt or json (for log shippers); default text.",
        transform: Self.format)
    var logFormat: LogFormat?

    /// Parses a format name, case-insensitively.
    private static func format(_ name: String) throws -> LogFormat {
        guard let format = LogFormat(rawValue: name.lowercased()) else {
            throw ValidationError("Please give --log-format one of: \(LogFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        return format
    }

    /// Loads and checks the configuration file and the `NEWSBUS_*` variables, and installs them
    /// for the other option groups; every problem is listed at once.
    mutating func validate() throws {
        do {
            Settings.install(try Settings.load(configPath: config, environment: ProcessInfo.processInfo.environment))
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// Parses a level name, case-insensitively.
    private static func level(_ name: String) throws -> Logger.Level {
        guard let level = Logger.Level(rawValue: name.lowercased()) else {
            throw ValidationError("Please give --log-level one of: \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        return level
    }

    /// Sends every log line to standard error at the level (flag, `NEWSBUS_LOG_LEVEL`, `log.level`,
    /// else `defaultLevel`) in the format (likewise, default text), and returns a logger labelled
    /// `label` (the role). Call it once, at the start of a subcommand's `run()`.
    func bootstrap(label: String, defaultLevel: Logger.Level = .info) -> Logger {
        let settings = Settings.current
        let level = logLevel ?? settings.configured(.logLevel).flatMap { Logger.Level(rawValue: "\($0)") } ?? defaultLevel
        let format = logFormat ?? settings.text(nil, .logFormat).flatMap { LogFormat(rawValue: $0) } ?? .text
        LoggingSystem.bootstrap { label in
            LogLineHandler(label: label, format: format, level: level)
        }
        var logger = Logger(label: label)
        logger.logLevel = level
        return logger
    }

}
