import ArgumentParser
import Logging

/// The `--log-level` option every long-running subcommand shares, and the one place the
/// process's logging is bootstrapped.
struct LoggingOptions: ParsableArguments {
    @Option(
        help: "Least severe log level to print: trace, debug, info, notice, warning, error or critical (default info; warning for run).",
        transform: Self.level
    )
    var logLevel: Logger.Level?

    /// Parses a level name, case-insensitively.
    private static func level(_ name: String) throws -> Logger.Level {
        guard let level = Logger.Level(rawValue: name.lowercased()) else {
            throw ValidationError("Please give --log-level one of: \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        return level
    }

    /// Sends every log line to standard error at ``logLevel`` (else `defaultLevel`) or above, and
    /// returns a logger labelled `label`. Call it once, at the start of a subcommand's `run()`.
    func bootstrap(label: String, defaultLevel: Logger.Level = .info) -> Logger {
        let level = logLevel ?? defaultLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        var logger = Logger(label: label)
        logger.logLevel = level
        return logger
    }
}
