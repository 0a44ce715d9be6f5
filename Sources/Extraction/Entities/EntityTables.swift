/// The run-time lookup tables the entity canonicaliser uses: gazetteer aliases, PETRARCH actor
/// phrases, person titles and known organisations, all keyed by `NameKey`.
public struct EntityTables: Sendable {
    /// File names of the serialized tables, in the order `init(files:)` expects them.
    public static let fileNames = ["entities-places.tsv", "entities-actors.tsv", "entities-lexicon.tsv"]

    /// Places, demonyms and regions by normalised alias.
    package let places: [String: PlaceEntry]
    /// PETRARCH actor dictionary phrases by normalised phrase.
    package let actors: [String: ActorEntry]
    /// Titles and honorifics by normalised phrase.
    package let titles: [String: TitleEntry]
    /// Known organisations by normalised alias.
    package let organizations: [String: OrganizationEntry]
    /// ISO alpha-2 country code by CAMEO country code (`KAZ` → `KZ`).
    package let countryByCAMEO: [String: String]
    /// CAMEO country code by ISO alpha-2 code (`KZ` → `KAZ`).
    package let cameoByCountry: [String: String]
    /// Places that may be added as mentions the tagger missed, by their exact spelling.
    package let fallbackPlaces: [String: PlaceEntry]
    /// Most words in a title phrase.
    package let longestTitle: Int
    /// Most words in a fallback alias.
    package let longestFallback: Int

    /// Tables with nothing in them: every mention keeps its own name and the tagger's type.
    public static let empty = EntityTables(places: [], actors: [], titles: [], organizations: [])

    /// Builds the lookup dictionaries; on duplicate keys the first entry wins.
    package init(
        places: [PlaceEntry], actors: [(phrase: String, entry: ActorEntry)], titles: [TitleEntry],
        organizations: [(alias: String, entry: OrganizationEntry)]
    ) {
        var keyed = EntityTables.ActorsByKey(capacity: actors.count)
        for actor in actors { keyed.add(actor.phrase) { actor.entry } }
        self.init(places: places, actors: keyed, titles: titles, organizations: organizations)
    }

    /// Actor entries by the key of their phrase, the first entry of a key kept.
    struct ActorsByKey {
        private(set) var entries: [String: ActorEntry] = [:]

        init(capacity: Int) {
            entries.reserveCapacity(capacity)
        }

        /// Adds the entry `make` gives for `phrase` unless its key has one already (then `make`
        /// is not called).
        mutating func add(_ phrase: some StringProtocol, _ make: () -> ActorEntry) {
            let key = NameKey.of(phrase)
            if entries[key] == nil { entries[key] = make() }
        }
    }

    init(
        places: [PlaceEntry], actors: ActorsByKey, titles: [TitleEntry],
        organizations: [(alias: String, entry: OrganizationEntry)]
    ) {
        var placeMap: [String: PlaceEntry] = [:]
        var fallback: [String: PlaceEntry] = [:]
        var countryByCAMEO: [String: String] = [:]
        var cameoByCountry: [String: String] = [:]
        for place in places {
            if placeMap[NameKey.of(place.alias)] == nil { placeMap[NameKey.of(place.alias)] = place }
            if place.allowsFallback, fallback[place.alias] == nil { fallback[place.alias] = place }
            if place.kind == .country, let country = place.country, let code = place.code {
                if countryByCAMEO[code] == nil { countryByCAMEO[code] = country }
                if cameoByCountry[country] == nil { cameoByCountry[country] = code }
            }
        }
        self.places = placeMap
        self.fallbackPlaces = fallback
        self.countryByCAMEO = countryByCAMEO
        self.cameoByCountry = cameoByCountry
        self.actors = actors.entries
        self.titles = Dictionary(titles.map { (NameKey.of($0.phrase), $0) }, uniquingKeysWith: { first, _ in first })
        self.organizations = Dictionary(
            organizations.map { (NameKey.of($0.alias), $0.entry) }, uniquingKeysWith: { first, _ in first })
        self.longestTitle = titles.map { EntityTables.wordCount($0.phrase) }.max() ?? 0
        self.longestFallback = fallback.keys.map { EntityTables.wordCount($0) }.max() ?? 0
    }

    /// The gazetteer entry for `name`, if any.
    package func place(_ name: some StringProtocol) -> PlaceEntry? {
        places[NameKey.of(name)]
    }

    /// The actor dictionary code for `name` on `date`, if the dictionary knows the phrase.
    package func actorCode(_ name: some StringProtocol, on date: CalendarDate?) -> (code: String, isDated: Bool)? {
        guard let entry = actors[NameKey.of(name)], let code = entry.code(on: date) else { return nil }
        return (code, entry.isDated)
    }

    /// The ISO alpha-2 country an actor code belongs to (`KAZGOV` → `KZ`), if its prefix is a country.
    package func country(ofActorCode code: String) -> String? {
        guard code.count >= 3 else { return nil }
        return countryByCAMEO[String(code.prefix(3))]
    }

    static func wordCount(_ phrase: String) -> Int {
        phrase.split(separator: " ").count
    }
}
