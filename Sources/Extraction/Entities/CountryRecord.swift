/// One row of gazetteer/countries.tsv, as the table builder needs it.
struct CountryRecord: Sendable {
    var iso2: String
    var iso3: String
    var cameo: String
    var name: String
    var officialName: String
    var alternateNames: [String]
    var demonyms: [String]
    var capitals: [String]
    var population: Int

    /// Parses countries.tsv.
    static func parse(_ text: String) throws(ExtractionError) -> [CountryRecord] {
        let table = TSV(text)
        let file = "countries.tsv"
        let names = [
            "iso2", "iso3", "cameo", "name", "official_name", "alt_names", "demonyms", "capitals", "population",
        ]
        let columns = try names.map { (name) throws(ExtractionError) in try table.column(name, in: file) }
        return table.rows.compactMap { row in
            func list(_ index: Int) -> [String] {
                TSV.cell(row, columns[index]).split(separator: "|").map(String.init)
            }
            let iso2 = String(TSV.cell(row, columns[0]))
            guard !iso2.isEmpty else { return nil }
            return CountryRecord(
                iso2: iso2, iso3: String(TSV.cell(row, columns[1])), cameo: String(TSV.cell(row, columns[2])),
                name: String(TSV.cell(row, columns[3])), officialName: String(TSV.cell(row, columns[4])),
                alternateNames: list(5), demonyms: list(6), capitals: list(7),
                population: Int(TSV.cell(row, columns[8])) ?? 0)
        }
    }
}
