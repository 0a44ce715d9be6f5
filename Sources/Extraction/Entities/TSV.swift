/// Minimal reader for the tab-separated tables: one header row, no quoting.
struct TSV {
    /// Column names from the header row.
    let columns: [Substring]
    /// Data rows, each cut at tabs (empty cells kept).
    let rows: [[Substring]]

    /// Parses `text`; blank lines are skipped. Lines end at LF or CR LF.
    ///
    /// Cuts on UTF-8 bytes: LF, CR LF and tab are always whole grapheme clusters, so this gives the
    /// same cells as splitting the `Character`s, without grapheme breaking; the bytes are searched
    /// in one contiguous buffer (searching a `Substring`'s UTF-8 view was half of this).
    init(_ text: String) {
        var rows: [[Substring]] = []
        let utf8 = text.utf8
        func cell(_ start: Int, _ end: Int) -> Substring {
            text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)]
        }
        var contiguous = text
        contiguous.withUTF8 { bytes in
            var lineStart = 0
            while lineStart < bytes.count {
                let newline = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
                var lineEnd = newline
                if lineEnd > lineStart, bytes[lineEnd - 1] == UInt8(ascii: "\r"), newline < bytes.count { lineEnd -= 1 }
                if lineEnd > lineStart {
                    var cells: [Substring] = []
                    var cellStart = lineStart
                    while let tab = bytes[cellStart..<lineEnd].firstIndex(of: UInt8(ascii: "\t")) {
                        cells.append(cell(cellStart, tab))
                        cellStart = tab + 1
                    }
                    cells.append(cell(cellStart, lineEnd))
                    rows.append(cells)
                }
                lineStart = newline + 1
            }
        }
        columns = rows.isEmpty ? [] : rows.removeFirst()
        self.rows = rows
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
