/// The contents of the /work/shared/data files the entity tables are built from.
package struct EntityTableSources: Sendable {
    /// Relative paths under the data directory, in the order of `init(contents:)`.
    package static let paths = [
        "gazetteer/countries.tsv", "gazetteer/country_aliases.tsv", "gazetteer/cities.tsv",
        "gazetteer/regions.tsv", "gazetteer/us_states.tsv", "actors/actors_flat.tsv",
        "names/person_titles.tsv", "names/news_organizations.tsv", "names/given_names_us1990.tsv",
        "names/surnames_us1990.tsv",
    ]

    /// gazetteer/countries.tsv
    package var countries: String
    /// gazetteer/country_aliases.tsv
    package var countryAliases: String
    /// gazetteer/cities.tsv
    package var cities: String
    /// gazetteer/regions.tsv
    package var regions: String
    /// gazetteer/us_states.tsv
    package var usStates: String
    /// actors/actors_flat.tsv
    package var actors: String
    /// names/person_titles.tsv
    package var personTitles: String
    /// names/news_organizations.tsv
    package var newsOrganizations: String
    /// names/given_names_us1990.tsv (used to keep person-like place names out of the fallback)
    package var givenNames: String
    /// names/surnames_us1990.tsv (likewise)
    package var surnames: String

    /// Takes the file contents in the order of `paths`; `nil` when the count is wrong.
    package init?(contents: [String]) {
        guard contents.count == EntityTableSources.paths.count else { return nil }
        countries = contents[0]
        countryAliases = contents[1]
        cities = contents[2]
        regions = contents[3]
        usStates = contents[4]
        actors = contents[5]
        personTitles = contents[6]
        newsOrganizations = contents[7]
        givenNames = contents[8]
        surnames = contents[9]
    }
}
