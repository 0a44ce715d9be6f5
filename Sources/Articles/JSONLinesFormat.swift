import Foundation

/// A `.jsonl` file: one `{id,title,date,source,text}` object per non-blank line.
struct JSONLinesFormat {
    let configuration: ArticleReader.Configuration

    private struct Record: Decodable {
        var id: String?
        var title: String?
        var date: String?
        var source: String?
        var text: String?
    }

    /// Parses every non-blank line; a record without `id` gets `<file name>:<line>`.
    func articles(in data: Data, path: String) throws(ArticleError) -> [(Article, InputLocation)] {
        let text = try TextDecoding.decode(data, path: path)
        let fileName = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let decoder = JSONDecoder()
        var result: [(Article, InputLocation)] = []
        var number = 0
        // Lines are cut on the byte 0x0A: JSON text never holds a raw line feed, and cutting bytes is
        // much cheaper than walking the text's Characters. A "\r" before it (CRLF files) is dropped.
        for rawLine in Array(text.utf8).split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            let line = rawLine.last == 0x0D ? rawLine.dropLast() : rawLine
            guard !Self.isBlank(line) else { continue }
            let location = InputLocation(path: path, line: number)
            guard line.count <= configuration.maximumArticleBytes else {
                throw .oversized(location, bytes: line.count, limit: configuration.maximumArticleBytes)
            }
            let bytes = Data(line)
            let record: Record
            do {
                record = try decoder.decode(Record.self, from: bytes)
            } catch {
                throw .invalidJSON(location, reason: Self.reason(error))
            }
            let article = try article(from: record, defaultID: "\(fileName):\(number)", location: location)
            result.append((article, location))
        }
        guard !result.isEmpty else { throw .empty(InputLocation(path: path)) }
        return result
    }

    /// Whether a line holds only whitespace (ASCII, or any Unicode white space).
    private static func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
        if line.allSatisfy({ $0 == 0x20 || (0x09...0x0D).contains($0) }) { return true }
        guard line.contains(where: { $0 >= 0x80 }) else { return false }
        return String(decoding: line, as: UTF8.self).allSatisfy(\.isWhitespace)
    }

    private func article(from record: Record, defaultID: String, location: InputLocation) throws(ArticleError)
        -> Article
    {
        guard let body = record.text else { throw .missingText(location) }
        guard body.contains(where: { !$0.isWhitespace }) else { throw .empty(location) }
        var date = configuration.defaultDate
        if let value = record.date?.trimmingCharacters(in: .whitespaces), !value.isEmpty {
            guard Article.isValidDate(value) else { throw .badDate(location, value: value) }
            date = value
        }
        let id = record.id?.trimmingCharacters(in: .whitespaces) ?? ""
        let source = record.source?.trimmingCharacters(in: .whitespaces) ?? ""
        return Article(
            id: id.isEmpty ? defaultID : id, title: record.title ?? "", date: date,
            source: source.isEmpty ? nil : source, text: body)
    }

    private static func reason(_ error: any Error) -> String {
        guard let decodingError = error as? DecodingError else { return "not JSON" }
        switch decodingError {
        case .typeMismatch(let type, let context):
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            return field.isEmpty ? "not a JSON object" : "field '\(field)' is not a \(type)"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return "not valid JSON" }
            return "field '\(context.codingPath.map(\.stringValue).joined(separator: "."))' is malformed"
        case .keyNotFound(let key, _):
            return "missing field '\(key.stringValue)'"
        case .valueNotFound(_, let context):
            return "field '\(context.codingPath.map(\.stringValue).joined(separator: "."))' is null"
        @unknown default:
            return "not valid JSON"
        }
    }
}
