/// The text of the shared gazetteer tables (`../shared/data`), read by the caller and parsed here.
public struct GazetteerTables: Sendable {
    /// `gazetteer/countries.tsv`.
    public var countries = ""
    /// `gazetteer/country_aliases.tsv`.
    public var countryAliases = ""
    /// `gazetteer/cities.tsv`.
    public var cities = ""
    /// `gazetteer/regions.tsv`.
    public var regions = ""
    /// `gazetteer/us_states.tsv`.
    public var usStates = ""
    /// `names/given_names_us1990.tsv`.
    public var givenNames = ""
    /// `names/surnames_us1990.tsv`.
    public var surnames = ""
    /// `names/given_names_petrarch_leaders.tsv`.
    public var leaderGivenNames = ""
    /// `names/org_keywords.tsv`.
    public var organizationKeywords = ""
    /// `names/person_titles.tsv`.
    public var personTitles = ""
    /// `names/news_organizations.tsv`.
    public var newsOrganizations = ""
    /// `actors/actors_flat.tsv`.
    public var actors = ""

    /// Creates empty tables; fill in the ones you have.
    public init() {}

    /// Most common surnames kept (the census list runs to rare words such as "Young" at any rank).
    static let surnameLimit = 30_000
    /// Cities whose alternate names are kept (GeoNames alternates are noisy for small places).
    static let cityAlternatesLimit = 1_000

    /// The gazetteer these tables describe.
    public func gazetteer() -> Gazetteer {
        var gazetteer = Gazetteer()
        for row in Self.rows(countries) {
            gazetteer.add(row["name", default: ""], as: .country)
            for name in Self.list(row["alt_names"]) { gazetteer.add(name, as: .country) }
            for name in Self.list(row["demonyms"]) { gazetteer.add(name, as: .demonym) }
            for name in Self.list(row["capitals"]) { gazetteer.add(name, as: .city) }
        }
        for row in Self.rows(countryAliases) {
            let type = row["type", default: ""]
            gazetteer.add(row["alias", default: ""], as: type.hasPrefix("demonym") ? .demonym : .country)
        }
        for (index, row) in Self.rows(cities).enumerated() {
            gazetteer.add(row["name", default: ""], as: .city)
            gazetteer.add(row["ascii_name", default: ""], as: .city)
            if index < Self.cityAlternatesLimit {
                for name in Self.list(row["alt_names"]) { gazetteer.add(name, as: .city) }
            }
        }
        for row in Self.rows(regions) {
            gazetteer.add(row["name", default: ""], as: .region)
            for name in Self.list(row["aliases"]) { gazetteer.add(name, as: .region) }
        }
        for row in Self.rows(usStates) {
            gazetteer.add(row["name", default: ""], as: .region)
            gazetteer.add(row["ap_abbrev", default: ""], as: .region)
        }
        addNames(to: &gazetteer)
        addActors(to: &gazetteer)
        return gazetteer
    }

    private func addNames(to gazetteer: inout Gazetteer) {
        for row in Self.rows(givenNames) { gazetteer.add(row["name", default: ""], as: .givenName) }
        for (index, row) in Self.rows(surnames).enumerated() where index < Self.surnameLimit {
            gazetteer.add(row["name", default: ""], as: .surname)
        }
        for row in Self.rows(leaderGivenNames) { gazetteer.add(row["name", default: ""], as: .leaderGivenName) }
        for row in Self.rows(organizationKeywords) {
            let prefix = row["category"] == "org_prefix"
            gazetteer.add(row["keyword", default: ""], as: prefix ? .organizationPrefix : .organizationWord)
        }
        for row in Self.rows(personTitles) { gazetteer.add(row["title", default: ""], as: .personTitle) }
        for row in Self.rows(newsOrganizations) {
            gazetteer.add(row["name", default: ""], as: .newsOrganization)
            for name in Self.list(row["aliases"]) { gazetteer.add(name, as: .newsOrganization) }
        }
    }

    private func addActors(to gazetteer: inout Gazetteer) {
        for row in Self.rows(actors) {
            let codes = row["codes", default: ""]
            let category: GazetteerCategory
            if codes.contains(":") {
                category = .actorPerson
            } else if row["file", default: ""].hasPrefix("Phoenix.Countries"), codes.count == 3 {
                category = .actorCountry
            } else {
                category = .actorOrganization
            }
            gazetteer.add(row["phrase", default: ""], as: category)
        }
    }

    /// Rows of a TSV table with a header line, as column → value.
    static func rows(_ table: String) -> [[String: String]] {
        var lines = table.split(whereSeparator: \.isNewline).makeIterator()
        guard let header = lines.next() else { return [] }
        let columns = header.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        var rows: [[String: String]] = []
        while let line = lines.next() {
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
            var row: [String: String] = [:]
            for (column, cell) in zip(columns, cells) where !cell.isEmpty { row[column] = String(cell) }
            rows.append(row)
        }
        return rows
    }

    /// The `|`-separated items of a cell.
    static func list(_ cell: String?) -> [String] {
        guard let cell else { return [] }
        return cell.split(separator: "|").map(String.init)
    }
}
