import Foundation

/// A `.txt` article: first line the title, then (after blank lines) the body.
struct TextFormat {
    let configuration: ArticleReader.Configuration

    /// Parses the whole file as one article with id `id`.
    func article(in data: Data, id: String, path: String) throws(ArticleError) -> Article {
        let text = try TextDecoding.decode(data, path: path).replacingOccurrences(of: "\r\n", with: "\n")
        // Replacing "\r\n" can form a new one ("\r\r\n"), a single Character that "\n" does not match.
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })[...]
        while let first = lines.first, first.allSatisfy(\.isWhitespace) {
            lines = lines.dropFirst()
        }
        guard let titleLine = lines.popFirst() else { throw .empty(InputLocation(path: path)) }
        while let first = lines.first, first.allSatisfy(\.isWhitespace) {
            lines = lines.dropFirst()
        }
        var body = lines.joined(separator: "\n")
        while body.last?.isWhitespace == true {
            body.removeLast()
        }
        guard !body.isEmpty else { throw .empty(InputLocation(path: path)) }
        let title = titleLine.trimmingSpaces()
        return Article(id: id, title: title, date: configuration.defaultDate, source: nil, text: body)
    }
}
