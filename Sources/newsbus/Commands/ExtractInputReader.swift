import Extraction
import Foundation

/// One article read from an input file, with where it came from (for error messages).
struct ExtractArticle {
    /// Metadata for the output.
    var metadata: ArticleMetadata
    /// The article body (title excluded); output offsets are into this text.
    var text: String
    /// "FILE" or "FILE:LINE".
    var location: String
}

/// Reads articles from `.txt` and `.jsonl` files for `newsbus extract`.
enum ExtractInputReader {
    /// The articles in `path`, each either read or failed with its reason. Throws when the whole file is unusable.
    /// `date`, when given, replaces every article's date (and bad dates in the input are then ignored).
    static func read(path: String, date: CalendarDate? = nil) throws -> [Result<ExtractArticle, ExtractInputError>] {
        let url = URL(fileURLWithPath: path)
        let isText = url.pathExtension.lowercased() == "txt"
        guard isText || ["jsonl", "ndjson"].contains(url.pathExtension.lowercased()) else {
            throw ExtractInputError.unsupportedExtension(path: path)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw ExtractInputError.unreadable(path: path, reason: "no such file")
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ExtractInputError.unreadable(path: path, reason: "\(error.localizedDescription)")
        }
        let articles =
            isText
            ? [try readText(data, path: path, id: url.deletingPathExtension().lastPathComponent)]
            : readLines(data, path: path, dateOverride: date != nil)
        guard let date else { return articles }
        return articles.map { result in
            result.map { article in
                var article = article
                article.metadata.date = date
                return article
            }
        }
    }

    /// A .txt article: the first line is the title, the blank lines after it are skipped, the rest is the body.
    static func readText(_ data: Data, path: String, id: String) throws -> Result<ExtractArticle, ExtractInputError> {
        guard var text = String(data: data, encoding: .utf8) else {
            throw ExtractInputError.invalidUTF8(location: "\(path):\(firstInvalidLine(data))")
        }
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        let scalars = text.unicodeScalars
        let lineEnd = scalars.firstIndex(of: "\n") ?? scalars.endIndex
        let title = String(String.UnicodeScalarView(scalars[scalars.startIndex..<lineEnd]))
            .trimmingCharacters(in: .whitespacesAndNewlines)
        var bodyStart = lineEnd
        var cursor = lineEnd
        // Skip the line break after the title and any blank lines, up to the first line with text.
        while cursor < scalars.endIndex, scalars[cursor].properties.isWhitespace {
            if scalars[cursor] == "\n" { bodyStart = scalars.index(after: cursor) }
            cursor = scalars.index(after: cursor)
        }
        if cursor == scalars.endIndex { bodyStart = scalars.endIndex }
        let body = String(String.UnicodeScalarView(scalars[bodyStart...]))
        let metadata = ArticleMetadata(id: id, title: title.isEmpty ? nil : title, date: nil, source: nil)
        return .success(ExtractArticle(metadata: metadata, text: body, location: path))
    }

    /// A .jsonl file: one article object per non-blank line.
    static func readLines(_ data: Data, path: String, dateOverride: Bool = false)
        -> [Result<ExtractArticle, ExtractInputError>]
    {
        var results: [Result<ExtractArticle, ExtractInputError>] = []
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            let location = "\(path):\(lineNumber)"
            guard line.contains(where: { ![0x20, 0x09, 0x0D].contains($0) }) else { continue }
            guard String(data: line, encoding: .utf8) != nil else {
                results.append(.failure(.invalidUTF8(location: location)))
                continue
            }
            results.append(
                parseArticle(
                    Data(line), location: location, fallbackID: "line-\(lineNumber)", ignoresDate: dateOverride))
        }
        return results
    }

    private static func parseArticle(_ line: Data, location: String, fallbackID: String, ignoresDate: Bool)
        -> Result<ExtractArticle, ExtractInputError>
    {
        let object: [String: Any]
        do {
            guard let parsed = try JSONSerialization.jsonObject(with: line) as? [String: Any] else {
                return .failure(.invalidJSON(location: location, reason: "not a JSON object"))
            }
            object = parsed
        } catch {
            return .failure(.invalidJSON(location: location, reason: "not valid JSON"))
        }
        guard let text = object["text"] as? String else {
            return .failure(.invalidJSON(location: location, reason: "no string 'text' field"))
        }
        var date: CalendarDate?
        if !ignoresDate, let value = object["date"] as? String, !value.isEmpty {
            guard let parsed = CalendarDate(iso: String(value.prefix(10))),
                value.count == 10 || value.dropFirst(10).first == "T" || value.dropFirst(10).first == " "
            else { return .failure(.invalidDate(location: location, value: value)) }
            date = parsed
        }
        let id = (object["id"] as? String) ?? (object["id"] as? NSNumber)?.stringValue ?? fallbackID
        let metadata = ArticleMetadata(
            id: id, title: object["title"] as? String, date: date, source: object["source"] as? String)
        return .success(ExtractArticle(metadata: metadata, text: text, location: location))
    }

    /// The 1-based line holding the first byte sequence that is not UTF-8.
    private static func firstInvalidLine(_ data: Data) -> Int {
        var line = 1
        for chunk in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            if String(data: chunk, encoding: .utf8) == nil { return line }
            line += 1
        }
        return line
    }
}
