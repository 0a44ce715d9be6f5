extension EntityTables {
    static let placeHeader = ["alias", "name", "kind", "iso2", "code", "fallback"]
    static let actorHeader = ["phrase", "codes"]
    static let lexiconHeader = ["phrase", "kind", "detail", "iso2", "code"]

    /// Parses the three serialized tables (contents of `fileNames`, in that order).
    public init(places placesText: String, actors actorsText: String, lexicon lexiconText: String)
        throws(ExtractionError)
    {
        let placesTable = TSV(placesText)
        let name = EntityTables.fileNames[0]
        let columns = try EntityTables.placeHeader.map { (column) throws(ExtractionError) in
            try placesTable.column(column, in: name)
        }
        var places: [PlaceEntry] = []
        places.reserveCapacity(placesTable.rows.count)
        for row in placesTable.rows {
            guard let kind = PlaceKind(rawValue: String(TSV.cell(row, columns[2]))) else {
                throw .malformedModel(name: name, reason: "unknown kind '\(TSV.cell(row, columns[2]))'")
            }
            places.append(
                PlaceEntry(
                    alias: String(TSV.cell(row, columns[0])), name: String(TSV.cell(row, columns[1])), kind: kind,
                    country: TSV.optionalCell(row, columns[3]), code: TSV.optionalCell(row, columns[4]),
                    allowsFallback: TSV.cell(row, columns[5]) == "1"))
        }
        let actorsTable = TSV(actorsText)
        let phrase = try actorsTable.column("phrase", in: EntityTables.fileNames[1])
        let codes = try actorsTable.column("codes", in: EntityTables.fileNames[1])
        // Keyed as they are read: no phrase kept as a String, no entry parsed for a phrase whose key
        // came earlier.
        var actors = EntityTables.ActorsByKey(capacity: actorsTable.rows.count)
        for row in actorsTable.rows {
            actors.add(TSV.cell(row, phrase)) { ActorEntry(parsing: TSV.cell(row, codes)) }
        }
        let lexicon = try EntityTables.parseLexicon(lexiconText)
        self.init(places: places, actors: actors, titles: lexicon.titles, organizations: lexicon.organizations)
    }

    private static func parseLexicon(_ text: String) throws(ExtractionError) -> (
        titles: [TitleEntry], organizations: [(alias: String, entry: OrganizationEntry)]
    ) {
        let table = TSV(text)
        let name = fileNames[2]
        let columns = try lexiconHeader.map { (column) throws(ExtractionError) in try table.column(column, in: name) }
        var titles: [TitleEntry] = []
        var organizations: [(alias: String, entry: OrganizationEntry)] = []
        for row in table.rows {
            let phrase = String(TSV.cell(row, columns[0]))
            let detail = String(TSV.cell(row, columns[2]))
            switch TSV.cell(row, columns[1]) {
            case "title":
                titles.append(TitleEntry(phrase: phrase, category: detail, agent: TSV.optionalCell(row, columns[4])))
            case "organization":
                organizations.append(
                    (phrase, OrganizationEntry(name: detail, country: TSV.optionalCell(row, columns[3]))))
            case let other:
                throw .malformedModel(name: name, reason: "unknown kind '\(other)'")
            }
        }
        return (titles, organizations)
    }

    /// Renders the tables in the serialized form, one text per entry of `fileNames`.
    package static func render(
        places: [PlaceEntry], actors: [(phrase: String, entry: ActorEntry)], titles: [TitleEntry],
        organizations: [(alias: String, entry: OrganizationEntry)]
    ) -> [String] {
        let placeRows = places.map { place in
            [
                place.alias, place.name, place.kind.rawValue, place.country ?? "", place.code ?? "",
                place.allowsFallback ? "1" : "0",
            ]
        }
        let actorRows = actors.map { [$0.phrase, $0.entry.serialized] }
        let lexiconRows =
            titles.map { [$0.phrase, "title", $0.category, "", $0.agent ?? ""] }
            + organizations.map { [$0.alias, "organization", $0.entry.name, $0.entry.country ?? "", ""] }
        return [
            TSV.render(header: placeHeader, rows: placeRows),
            TSV.render(header: actorHeader, rows: actorRows),
            TSV.render(header: lexiconHeader, rows: lexiconRows),
        ]
    }
}
