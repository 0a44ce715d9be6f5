import Foundation
import Logging

/// One log record, ready to be rendered as a line in any ``LogFormat``.
struct LogLineRecord {
    let timestamp: Date
    let level: Logger.Level
    let label: String
    let message: String
    let metadata: Logger.Metadata

    /// The record as one line (no newline) in `format`; metadata keys are sorted.
    func line(in format: LogFormat) -> String {
        let time = Self.timestamp(timestamp)
        let fields = metadata.sorted { $0.key < $1.key }
        switch format {
        case .text:
            let extra = fields.map { " \($0.key)=\(Self.logfmtValue("\($0.value)"))" }.joined()
            return "\(time) \(level) \(label): \(message)\(extra)"
        case .logfmt:
            let head = "ts=\(time) level=\(level) logger=\(Self.logfmtValue(label)) msg=\(Self.logfmtValue(message))"
            return head + fields.map { " \($0.key)=\(Self.logfmtValue("\($0.value)"))" }.joined()
        case .json:
            var parts = [
                "\"ts\":\(Self.jsonString(time))", "\"level\":\(Self.jsonString(level.rawValue))",
                "\"logger\":\(Self.jsonString(label))", "\"msg\":\(Self.jsonString(message))",
            ]
            parts += fields.map { "\(Self.jsonString($0.key)):\(Self.json($0.value))" }
            return "{" + parts.joined(separator: ",") + "}"
        }
    }

    /// ISO 8601 in UTC with milliseconds.
    static func timestamp(_ date: Date) -> String {
        date.formatted(
            .iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
    }

    /// A logfmt value: bare when it has no space, quote, `=` or control character, quoted otherwise.
    static func logfmtValue(_ value: String) -> String {
        let needsQuotes =
            value.isEmpty || value.unicodeScalars.contains { $0 == " " || $0 == "\"" || $0 == "=" || $0.value < 0x20 }
        return needsQuotes ? jsonString(value) : value
    }

    /// A JSON string literal.
    static func jsonString(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let control where control.value < 0x20:
                out += "\\u" + String(repeating: "0", count: 4 - String(control.value, radix: 16).count)
                    + String(control.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A metadata value as JSON: strings as strings, arrays and dictionaries nested.
    static func json(_ value: Logger.MetadataValue) -> String {
        switch value {
        case .string(let text): jsonString(text)
        case .stringConvertible(let convertible): jsonString(convertible.description)
        case .array(let items): "[" + items.map(json).joined(separator: ",") + "]"
        case .dictionary(let entries):
            "{" + entries.sorted { $0.key < $1.key }.map { "\(jsonString($0.key)):\(json($0.value))" }
                .joined(separator: ",") + "}"
        }
    }
}
