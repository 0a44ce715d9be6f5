/// Identifies a single mention through the tables: gazetteer places and demonyms, known
/// organisations and PETRARCH actor phrases. It corrects the tagger's type only when confident.
struct MentionResolver {
    let tables: EntityTables
    let date: CalendarDate?

    /// What the tables say about `mention`, or `nil` when they do not know it.
    func resolve(_ mention: Mention) -> Resolution? {
        let key = NameKey.of(mention.text)
        if let place = tables.places[key], let resolution = resolve(mention, as: place) {
            return resolution
        }
        if mention.type != .person, let organization = tables.organizations[key] {
            return Resolution(
                name: organization.name, type: .organization, country: organization.country,
                actorCode: actorCode(for: organization.name) ?? actorCode(for: mention.text))
        }
        // Single-word person mentions are short forms: they get their codes through the full name.
        guard mention.type != .person || mention.tokens.count > 1, let entry = tables.actors[key],
            let code = entry.code(on: date)
        else { return nil }
        var type = mention.type
        if type == .location || type == .misc, !entry.isDated, code.count > 3 {
            type = .organization  // "White House" (USAGOV), "Pentagon" (USAMIL): institutions, not places.
        }
        return Resolution(
            name: mention.text, type: type, country: tables.country(ofActorCode: code), actorCode: code,
            isCanonicalName: false)
    }

    /// The actor code the dictionary gives `name` on the article date.
    func actorCode(for name: String) -> String? {
        tables.actors[NameKey.of(name)]?.code(on: date)
    }

    private func resolve(_ mention: Mention, as place: PlaceEntry) -> Resolution? {
        let type = mention.type
        switch place.kind {
        case .country:
            guard type != .person else { return nil }
            return Resolution(
                name: place.name, type: .location, country: place.country, actorCode: place.code, placeKind: .country)
        case .demonym:
            guard type != .person else { return nil }
            return Resolution(
                name: place.name, type: .misc, country: place.country, actorCode: place.code, placeKind: .demonym)
        case .region, .continent, .territory, .water:
            // Only places: "Mediterranean" tagged MISC is usually the adjective.
            guard type == .location else { return nil }
            return Resolution(
                name: place.name, type: .location, country: place.country,
                actorCode: actorCode(for: place.name) ?? place.code, placeKind: place.kind)
        case .city, .state:
            guard type == .location else { return nil }
            return Resolution(
                name: place.name, type: .location, country: place.country, actorCode: actorCode(for: mention.text),
                placeKind: place.kind)
        }
    }
}
