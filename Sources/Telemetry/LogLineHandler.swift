import Foundation
public import Logging
import Synchronization

/// A swift-log handler that writes each record as one line (``LogFormat``): timestamp (UTC,
/// milliseconds), level, logger label (the role, e.g. `newsbus.worker`), message and metadata
/// (handler, then logger, then record metadata; later keys win).
public struct LogLineHandler: LogHandler {
    /// Where lines go; one `write` per line, under a lock, so lines of different threads never mix.
    public final class Sink: Sendable {
        private let lock = Mutex(())
        private let body: @Sendable (String) -> Void

        /// A sink calling `body` with each line (no trailing newline).
        public init(_ body: @escaping @Sendable (String) -> Void) {
            self.body = body
        }

        /// Standard error.
        public static let standardError = Sink { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }

        func write(_ line: String) {
            lock.withLock { _ in body(line) }
        }
    }

    /// The label of the logger (the role).
    public let label: String
    /// The line shape.
    public let format: LogFormat
    /// The least severe level written.
    public var logLevel: Logger.Level
    /// Metadata added to every record of loggers using this handler.
    public var metadata: Logger.Metadata = [:]
    private let sink: Sink

    /// A handler for `label` writing `format` lines at `level` or above to `sink`.
    public init(label: String, format: LogFormat, level: Logger.Level = .info, sink: Sink = .standardError) {
        self.label = label
        self.format = format
        self.logLevel = level
        self.sink = sink
    }

    /// One metadata value of this handler.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes `event` as one line.
    public func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        let record = LogLineRecord(
            timestamp: Date(), level: event.level, label: label, message: "\(event.message)", metadata: merged)
        sink.write(record.line(in: format))
    }
}
