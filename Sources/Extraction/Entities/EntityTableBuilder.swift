/// Builds the compact run-time entity tables from the shared data files (pure: contents in, text out).
package enum EntityTableBuilder {
    /// Cities below this population are left out unless they are capitals.
    static let minimumCityPopulation = 300_000
    /// Capitals below this population are never added as fallback mentions.
    static let minimumFallbackCapitalPopulation = 500_000
    /// Surnames at or above this rank are too rare to make a place name ambiguous.
    static let surnameRankLimit = 20_000

    /// The built tables and their serialized files (`EntityTables.fileNames` → text).
    package struct Output: Sendable {
        /// The tables, as the canonicaliser will see them after loading the files.
        package var tables: EntityTables
        /// File name → contents.
        package var files: [(name: String, text: String)]
    }

    /// Builds the tables from `sources`.
    package static func build(_ sources: EntityTableSources) throws(ExtractionError) -> Output {
        let countries = try CountryRecord.parse(sources.countries)
        let personNames = try personLikeNames(givenNames: sources.givenNames, surnames: sources.surnames)
        var places = PlaceCollector(personNames: personNames)
        try places.addCountries(countries, aliases: sources.countryAliases)
        try places.addRegions(sources.regions, countries: countries)
        try places.addCities(sources.cities, capitals: Set(countries.flatMap(\.capitals)))
        try places.addStates(sources.usStates)
        places.addSupplement(countries: countries)
        let placeEntries = places.entries()
        let actors = try actorEntries(sources.actors)
        let titles = try titleEntries(sources.personTitles)
        let organizations = try organizationEntries(sources.newsOrganizations, countries: countries)
        let texts = EntityTables.render(
            places: placeEntries, actors: actors, titles: titles, organizations: organizations)
        let tables = try EntityTables(places: texts[0], actors: texts[1], lexicon: texts[2])
        return Output(tables: tables, files: Array(zip(EntityTables.fileNames, texts)).map { ($0, $1) })
    }

    /// Given names and common surnames: place names that are also these are kept out of the fallback.
    static func personLikeNames(givenNames: String, surnames: String) throws(ExtractionError) -> Set<String> {
        let given = TSV(givenNames)
        let givenName = try given.column("name", in: "given_names_us1990.tsv")
        var names = Set(given.rows.map { NameKey.of(TSV.cell($0, givenName)) })
        let family = TSV(surnames)
        let surname = try family.column("name", in: "surnames_us1990.tsv")
        let rank = try family.column("rank", in: "surnames_us1990.tsv")
        for row in family.rows where (Int(TSV.cell(row, rank)) ?? .max) < surnameRankLimit {
            names.insert(NameKey.of(TSV.cell(row, surname)))
        }
        return names
    }

    static func actorEntries(_ text: String) throws(ExtractionError) -> [(phrase: String, entry: ActorEntry)] {
        let table = TSV(text)
        let phrase = try table.column("phrase", in: "actors_flat.tsv")
        let codes = try table.column("codes", in: "actors_flat.tsv")
        var seen: Set<String> = []
        var result: [(phrase: String, entry: ActorEntry)] = []
        for row in table.rows {
            let entry = ActorEntry(parsing: TSV.cell(row, codes))
            let name = String(TSV.cell(row, phrase))
            guard !entry.codes.isEmpty, !name.isEmpty, seen.insert(NameKey.of(name)).inserted else { continue }
            result.append((name, entry))
        }
        return result
    }

    static func titleEntries(_ text: String) throws(ExtractionError) -> [TitleEntry] {
        let table = TSV(text)
        let title = try table.column("title", in: "person_titles.tsv")
        let category = try table.column("category", in: "person_titles.tsv")
        let hint = try table.column("cameo_agent_hint", in: "person_titles.tsv")
        return table.rows.map { row in
            TitleEntry(
                phrase: String(TSV.cell(row, title)), category: String(TSV.cell(row, category)),
                agent: TSV.optionalCell(row, hint))
        }
    }

    static func organizationEntries(
        _ text: String, countries: [CountryRecord]
    ) throws(ExtractionError) -> [(alias: String, entry: OrganizationEntry)] {
        let byISO3 = Dictionary(countries.map { ($0.iso3, $0.iso2) }, uniquingKeysWith: { first, _ in first })
        let table = TSV(text)
        let name = try table.column("name", in: "news_organizations.tsv")
        let aliases = try table.column("aliases", in: "news_organizations.tsv")
        let iso3 = try table.column("iso3", in: "news_organizations.tsv")
        var result: [(alias: String, entry: OrganizationEntry)] = []
        for known in KnownOrganizations.entries {
            let entry = OrganizationEntry(name: known.name, country: known.country.isEmpty ? nil : known.country)
            result.append((known.name, entry))
            for alias in known.aliases { result.append((alias, entry)) }
        }
        for row in table.rows {
            let entry = OrganizationEntry(
                name: String(TSV.cell(row, name)), country: byISO3[String(TSV.cell(row, iso3))])
            result.append((entry.name, entry))
            for alias in TSV.cell(row, aliases).split(separator: "|") { result.append((String(alias), entry)) }
        }
        return result
    }
}
