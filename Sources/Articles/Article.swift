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
        let bytes = Array(value.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        func number(_ range: Range<Int>) -> Int? {
            var result = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                result = result * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return result
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            (1...12).contains(month), day >= 1
        else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }
}
