import Foundation

/// A `.jsonl` file: one `{id,title,date,source,text}` object per non-blank line.
struct JSONLinesFormat {
    let configuration: ArticleReader.Configuration

    /// Parses every non-blank line; a record without `id` gets `<file name>:<line>`.
    func articles(in data: Data, path: String) throws(ArticleError) -> [(Article, InputLocation)] {
        let fileName = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        var text = try TextDecoding.decode(data, path: path)
        // The decoded text's own UTF-8 buffer: no copy of its bytes.
        let read = text.withUTF8 { bytes in
            Result { () throws(ArticleError) in
                var result: [(Article, InputLocation)] = []
                var number = 0
                var start = 0
                // Lines are cut on the byte 0x0A: JSON text never holds a raw line feed, and cutting
                // bytes is much cheaper than walking Characters. A "\r" before it (CRLF) is dropped.
                while start <= bytes.count {
                    let rest = UnsafeBufferPointer(rebasing: bytes[start...])
                    let end = rest.firstIndex(of: 0x0A).map { start + $0 } ?? bytes.count
                    defer { start = end + 1 }
                    number += 1
                    var line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                    if line.last == 0x0D { line = UnsafeBufferPointer(rebasing: line.dropLast()) }
                    guard !Self.isBlank(line) else { continue }
                    let location = InputLocation(path: path, line: number)
                    guard line.count <= configuration.maximumArticleBytes else {
                        throw .oversized(location, bytes: line.count, limit: configuration.maximumArticleBytes)
                    }
                    let record: JSONLineRecord
                    do throws(JSONLineRecord.Problem) {
                        record = try JSONLineRecord(line: line)
                    } catch {
                        throw .invalidJSON(location, reason: error.reason)
                    }
                    let article = try article(from: record, defaultID: "\(fileName):\(number)", location: location)
                    result.append((article, location))
                }
                return result
            }
        }
        let result = try read.get()
        guard !result.isEmpty else { throw .empty(InputLocation(path: path)) }
        return result
    }

    /// Whether a line holds only whitespace (ASCII, or any Unicode white space).
    private static func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        if line.allSatisfy({ $0 == 0x20 || (0x09...0x0D).contains($0) }) { return true }
        guard line.contains(where: { $0 >= 0x80 }) else { return false }
        return String(decoding: line, as: UTF8.self).allSatisfy(\.isWhitespace)
    }

    private func article(from record: JSONLineRecord, defaultID: String, location: InputLocation) throws(ArticleError)
        -> Article
    {
        guard let body = record.text else { throw .missingText(location) }
        guard body.contains(where: { !$0.isWhitespace }) else { throw .empty(location) }
        var date = configuration.defaultDate
        if let value = record.date?.trimmingSpaces(), !value.isEmpty {
            guard Article.isValidDate(value) else { throw .badDate(location, value: value) }
            date = value
        }
        let id = record.id?.trimmingSpaces() ?? ""
        let source = record.source?.trimmingSpaces() ?? ""
        return Article(
            id: id.isEmpty ? defaultID : id, title: record.title ?? "", date: date,
            source: source.isEmpty ? nil : source, text: body)
    }
}
