/// Minimal reader for the tab-separated tables: one header row, no quoting.
struct TSV {
    /// Column names from the header row.
    let columns: [Substring]
    /// Data rows, each cut at tabs (empty cells kept).
    let rows: [[Substring]]

    /// Parses `text`; blank lines are skipped. Lines end at LF or CR LF.
    ///
    /// Cuts on UTF-8 bytes: LF, CR LF and tab are always whole grapheme clusters, so this gives the
    /// same cells as splitting the `Character`s, without grapheme breaking.
    init(_ text: String) {
        var rows: [[Substring]] = []
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        while lineStart < utf8.endIndex {
            let newline = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            var lineEnd = newline
            if lineEnd > lineStart, utf8[utf8.index(before: lineEnd)] == UInt8(ascii: "\r"), newline < utf8.endIndex {
                lineEnd = utf8.index(before: lineEnd)
            }
            if lineEnd > lineStart { rows.append(TSV.cells(text[lineStart..<lineEnd])) }
            lineStart = newline < utf8.endIndex ? utf8.index(after: newline) : newline
        }
        columns = rows.isEmpty ? [] : rows.removeFirst()
        self.rows = rows
    }

    /// The line cut at tabs (empty cells kept).
    private static func cells(_ line: Substring) -> [Substring] {
        var cells: [Substring] = []
        var start = line.utf8.startIndex
        while let tab = line.utf8[start...].firstIndex(of: UInt8(ascii: "\t")) {
            cells.append(line[start..<tab])
            start = line.utf8.index(after: tab)
        }
        cells.append(line[start...])
        return cells
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
