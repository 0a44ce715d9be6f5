/// Gathers gazetteer aliases from several sources and keeps, per normalised alias, the best
/// candidate: country names beat demonyms, which beat regions, alternate names, capitals,
/// other cities and US states; ties go to the more populous place, then to the earlier one.
struct PlaceCollector {
    private struct Candidate {
        var entry: PlaceEntry
        var priority: Int
        var population: Int
        var order: Int
    }

    private enum Priority {
        static let countryName = 0, demonym = 1, region = 2, countryAlternate = 3, capital = 4, city = 5, state = 6
    }

    let personNames: Set<String>
    private var best: [String: Candidate] = [:]
    private var count = 0

    init(personNames: Set<String>) {
        self.personNames = personNames
    }

    /// The winning entries, sorted by alias key so the output is stable.
    func entries() -> [PlaceEntry] {
        best.sorted { $0.key < $1.key }.map(\.value.entry)
    }

    mutating func addCountries(_ countries: [CountryRecord], aliases: String) throws(ExtractionError) {
        for country in countries {
            let code = country.cameo.isEmpty ? nil : country.cameo
            func add(_ alias: String, name: String, kind: PlaceKind, priority: Int, fallback: Bool = false) {
                let entry = PlaceEntry(
                    alias: alias, name: name, kind: kind, country: country.iso2, code: code,
                    allowsFallback: fallback && isFallbackSafe(alias))
                offer(entry, priority: priority, population: country.population)
            }
            add(country.name, name: country.name, kind: .country, priority: Priority.countryName, fallback: true)
            add(
                country.officialName, name: country.name, kind: .country, priority: Priority.countryName, fallback: true
            )
            for alternate in country.alternateNames {
                add(alternate, name: country.name, kind: .country, priority: Priority.countryAlternate)
            }
            for demonym in country.demonyms {
                add(demonym, name: demonym, kind: .demonym, priority: Priority.demonym)
            }
        }
        try addCountryAliases(aliases, countries: countries)
    }

    private mutating func addCountryAliases(_ text: String, countries: [CountryRecord]) throws(ExtractionError) {
        let byISO3 = Dictionary(countries.map { ($0.iso3, $0) }, uniquingKeysWith: { first, _ in first })
        let table = TSV(text)
        let alias = try table.column("alias", in: "country_aliases.tsv")
        let iso3 = try table.column("iso3", in: "country_aliases.tsv")
        let type = try table.column("type", in: "country_aliases.tsv")
        for row in table.rows {
            guard let country = byISO3[String(TSV.cell(row, iso3))] else { continue }
            let text = String(TSV.cell(row, alias))
            let code = country.cameo.isEmpty ? nil : country.cameo
            let (name, kind, priority): (String, PlaceKind, Int) =
                switch TSV.cell(row, type) {
                case "demonym": (text, .demonym, Priority.demonym)
                case "demonym_plural": (String(text.dropLast()), .demonym, Priority.demonym)
                case "alt": (country.name, .country, Priority.countryAlternate)
                default: (country.name, .country, Priority.countryName)
                }
            let entry = PlaceEntry(
                alias: text, name: name, kind: kind, country: country.iso2, code: code, allowsFallback: false)
            offer(entry, priority: priority, population: country.population)
        }
    }

    /// Adds the hand-written supplement; its entries win over data entries of the same priority.
    mutating func addSupplement(countries: [CountryRecord]) {
        let byISO2 = Dictionary(countries.map { ($0.iso2, $0) }, uniquingKeysWith: { first, _ in first })
        for item in PlaceSupplement.entries {
            let country = byISO2[item.country]
            let code = item.kind == .country || item.kind == .demonym ? country?.cameo : nil
            let priority =
                switch item.kind {
                case .country: Priority.countryName
                case .demonym: Priority.demonym
                default: Priority.capital
                }
            let entry = PlaceEntry(
                alias: item.alias, name: item.name, kind: item.kind, country: item.country,
                code: code, allowsFallback: false)
            offer(entry, priority: priority, population: Int.max)
        }
    }

    mutating func addRegions(_ text: String, countries: [CountryRecord]) throws(ExtractionError) {
        let byISO3 = Dictionary(countries.map { ($0.iso3, $0.iso2) }, uniquingKeysWith: { first, _ in first })
        let table = TSV(text)
        let file = "regions.tsv"
        let columns = try ["name", "aliases", "type", "cameo_region", "iso3"].map { (column) throws(ExtractionError) in
            try table.column(column, in: file)
        }
        for row in table.rows {
            guard let kind = PlaceKind(rawValue: String(TSV.cell(row, columns[2]))) else { continue }
            let name = String(TSV.cell(row, columns[0]))
            let members = TSV.cell(row, columns[4]).split(separator: "|")
            let country = kind == .territory && members.count == 1 ? byISO3[String(members[0])] : nil
            let code = TSV.optionalCell(row, columns[3])
            for alias in [name] + TSV.cell(row, columns[1]).split(separator: "|").map(String.init) {
                offer(
                    PlaceEntry(
                        alias: alias, name: name, kind: kind, country: country, code: code, allowsFallback: false),
                    priority: Priority.region, population: 0)
            }
        }
    }

    mutating func addCities(_ text: String, capitals: Set<String>) throws(ExtractionError) {
        let table = TSV(text)
        let file = "cities.tsv"
        let columns = try ["name", "ascii_name", "country_iso2", "population", "is_capital"].map {
            (column) throws(ExtractionError) in try table.column(column, in: file)
        }
        for row in table.rows {
            let name = String(TSV.cell(row, columns[0]))
            let population = Int(TSV.cell(row, columns[3])) ?? 0
            let isCapital = TSV.cell(row, columns[4]) == "1" || capitals.contains(name)
            guard isCapital || population >= EntityTableBuilder.minimumCityPopulation else { continue }
            let fallback = isCapital && population >= EntityTableBuilder.minimumFallbackCapitalPopulation
            for alias in Set([name, String(TSV.cell(row, columns[1]))]) where !alias.isEmpty {
                offer(
                    PlaceEntry(
                        alias: alias, name: name, kind: .city, country: String(TSV.cell(row, columns[2])),
                        code: nil, allowsFallback: fallback && isFallbackSafe(alias)),
                    priority: isCapital ? Priority.capital : Priority.city, population: population)
            }
        }
    }

    mutating func addStates(_ text: String) throws(ExtractionError) {
        let table = TSV(text)
        let name = try table.column("name", in: "us_states.tsv")
        for row in table.rows {
            let state = String(TSV.cell(row, name))
            offer(
                PlaceEntry(alias: state, name: state, kind: .state, country: "US", code: "USA", allowsFallback: false),
                priority: Priority.state, population: 0)
        }
    }

    private mutating func offer(_ entry: PlaceEntry, priority: Int, population: Int) {
        guard !entry.alias.isEmpty, !entry.name.isEmpty else { return }
        let key = NameKey.of(entry.alias)
        count += 1
        let candidate = Candidate(entry: entry, priority: priority, population: population, order: count)
        if let current = best[key] {
            let better = (priority, -population, count) < (current.priority, -current.population, current.order)
            guard better else { return }
        }
        best[key] = candidate
    }

    /// A fallback alias must look like a proper name (capitalised words of letters and hyphens, at
    /// least four letters) and must not double as a common given name or surname ("Jordan", "Chad").
    private func isFallbackSafe(_ alias: String) -> Bool {
        let connectives: Set<Substring> = ["of", "and", "the"]
        let words = alias.split(separator: " ")
        guard alias.count >= 4, !personNames.contains(NameKey.of(alias)) else { return false }
        return words.allSatisfy { word in
            connectives.contains(word)
                || (word.first?.isUppercase == true && word.allSatisfy { $0.isLetter || $0 == "-" })
        }
    }
}
