/// One news article as the client reads it and the aggregator stores it.
public struct Article: Hashable, Sendable, Codable {
    /// Unique id within a job (file name without extension, the JSONL `id`, or `<file>:<line>`).
    public var id: String
    /// Headline; empty when the source has none.
    public var title: String
    /// Publication day as `YYYY-MM-DD`, or `nil` when unknown.
    public var date: String?
    /// Publisher or feed name, or `nil` when unknown.
    public var source: String?
    /// The article body (title excluded); offsets in reports are Unicode-scalar offsets into it.
    public var text: String

    /// Creates an article.
    public init(id: String, title: String, date: String? = nil, source: String? = nil, text: String) {
        self.id = id
        self.title = title
        self.date = date
        self.source = source
        self.text = text
    }

    /// Whether `value` is a real calendar day written `YYYY-MM-DD`.
    public static func isValidDate(_ value: String) -> Bool {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), day >= 1
        else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }
}
