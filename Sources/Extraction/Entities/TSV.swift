/// Minimal reader for the tab-separated tables: one header row, no quoting.
struct TSV {
    /// Column names from the header row.
    let columns: [Substring]
    /// Data rows, each cut at tabs (empty cells kept).
    let rows: [[Substring]]

    /// Parses `text`; blank lines are skipped.
    init(_ text: String) {
        var lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" })[...]
        columns = lines.popFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false) } ?? []
        rows = lines.map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
    }

    /// The position of column `name`, or a `malformedModel` error naming `table`.
    func column(_ name: String, in table: String) throws(ExtractionError) -> Int {
        guard let index = columns.firstIndex(where: { $0 == name }) else {
            throw .malformedModel(name: table, reason: "no '\(name)' column in the header")
        }
        return index
    }

    /// Cell `index` of `row`, or an empty string when the row is short.
    static func cell(_ row: [Substring], _ index: Int) -> Substring {
        index < row.count ? row[index] : ""
    }

    /// Cell `index` of `row`, or `nil` when empty.
    static func optionalCell(_ row: [Substring], _ index: Int) -> String? {
        let value = cell(row, index)
        return value.isEmpty ? nil : String(value)
    }

    /// Renders a table with a header; tabs and newlines inside cells become spaces.
    static func render(header: [String], rows: [[String]]) -> String {
        var output = header.joined(separator: "\t") + "\n"
        for row in rows {
            output += row.map { cell in
                String(cell.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
            }.joined(separator: "\t")
            output += "\n"
        }
        return output
    }
}
