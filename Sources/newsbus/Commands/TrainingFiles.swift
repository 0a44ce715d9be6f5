import ArgumentParser
import Extraction
import Foundation

/// Reads the shared training data files for `newsbus train`.
enum TrainingFiles {
    /// The text of `relative` under `directory`, or a clear error.
    static func read(_ directory: URL, _ relative: String) throws -> String {
        let url = directory.appendingPathComponent(relative)
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ValidationError(
                "Cannot read \(url.path) (\(error.localizedDescription)); point --data at the shared data directory."
            )
        }
    }

    /// The gazetteer tables under `directory`.
    static func gazetteerTables(_ directory: URL) throws -> GazetteerTables {
        var tables = GazetteerTables()
        tables.countries = try read(directory, "gazetteer/countries.tsv")
        tables.countryAliases = try read(directory, "gazetteer/country_aliases.tsv")
        tables.cities = try read(directory, "gazetteer/cities.tsv")
        tables.regions = try read(directory, "gazetteer/regions.tsv")
        tables.usStates = try read(directory, "gazetteer/us_states.tsv")
        tables.givenNames = try read(directory, "names/given_names_us1990.tsv")
        tables.surnames = try read(directory, "names/surnames_us1990.tsv")
        tables.leaderGivenNames = try read(directory, "names/given_names_petrarch_leaders.tsv")
        tables.organizationKeywords = try read(directory, "names/org_keywords.tsv")
        tables.personTitles = try read(directory, "names/person_titles.tsv")
        tables.newsOrganizations = try read(directory, "names/news_organizations.tsv")
        tables.actors = try read(directory, "actors/actors_flat.tsv")
        return tables
    }
}
