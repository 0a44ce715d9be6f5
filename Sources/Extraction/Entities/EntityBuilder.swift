/// Builds entities from clustered candidates: name, type, country and actor code per cluster.
struct EntityBuilder {
    let tables: EntityTables
    let document: Document
    let candidates: [MentionCandidate]
    let resolver: MentionResolver

    /// The entities in order of first mention, and for each candidate the index of its entity.
    func build() -> (entities: [Entity], links: [Int]) {
        let (keys, heads) = EntityClusterer.keys(for: candidates)
        var entityOfKey: [String: Int] = [:]
        var members: [[Int]] = []
        var links: [Int] = []
        for (index, key) in keys.enumerated() {
            if let entity = entityOfKey[key] {
                members[entity].append(index)
                links.append(entity)
            } else {
                entityOfKey[key] = members.count
                links.append(members.count)
                members.append([index])
            }
        }
        let context = CountryContext(tables: tables, document: document, candidates: candidates)
        let entities = members.enumerated().map { number, group in
            let isPerson =
                group.contains { heads[$0] != nil }
                || (candidates[group[0]].resolution?.type ?? candidates[group[0]].mention.type) == .person
            var entity =
                isPerson
                ? person(group, context: context)
                : other(group, context: context)
            entity.id = "e\(number + 1)"
            entity.mentions = group
            return entity
        }
        return (entities, links)
    }

    private func person(_ group: [Int], context: CountryContext) -> Entity {
        let longest = group.map { candidates[$0].nameKeys.count }.max() ?? 0
        let heads = group.filter { candidates[$0].nameKeys.count == longest }
        let head = heads.first { !EntityBuilder.isShouted(candidates[$0].mention.text) } ?? heads[0]
        let name = candidates[head].mention.text
        let contextCountry = group.lazy.compactMap { context.country(of: $0) }.first
        let entry = tables.actors[NameKey.of(name)]
        let dictionaryCode = entry?.code(on: document.articleDate)
        let country = contextCountry ?? dictionaryCode.flatMap(tables.country(ofActorCode:))
        var contextCode: String?
        if let country, let cameo = tables.cameoByCountry[country],
            let titled = group.first(where: { candidates[$0].title?.agent != nil }),
            let agent = candidates[titled].title?.agent
        {
            // A former office holder is an elite, not the government (PETRARCH's ELI).
            contextCode = cameo + (candidates[titled].titleIsPast ? "ELI" : agent)
        }
        let dictionaryIsCurrent =
            entry.map { entry in
                guard let day = document.articleDate?.dayNumber else { return false }
                return entry.codes.contains { $0.isDated && ($0.from ?? day) <= day && day <= ($0.until ?? day) }
            } ?? false
        let code = dictionaryIsCurrent ? dictionaryCode : (contextCode ?? dictionaryCode)
        return Entity(id: "", name: name, type: .person, country: country, actorCode: code)
    }

    private func other(_ group: [Int], context: CountryContext) -> Entity {
        let resolved = group.lazy.compactMap { candidates[$0].resolution }.first
        let first = candidates[group[0]]
        // Prefer a spelling that is not a shouted dateline or headline ("TAVILDARA" → "Tavildara").
        let written = group.lazy.map { candidates[$0].mention.text }.first { !EntityBuilder.isShouted($0) }
        let canonical = resolved?.isCanonicalName == true ? resolved?.name : nil
        let name = canonical ?? written ?? first.mention.text
        let type = resolved?.type ?? first.mention.type
        let code = resolved?.actorCode ?? resolver.actorCode(for: name)
        var country = resolved?.country ?? code.flatMap(tables.country(ofActorCode:))
        if country == nil, type == .organization {
            country = group.lazy.compactMap { context.country(of: $0) }.first
        }
        return Entity(id: "", name: name, type: type, country: country, actorCode: code)
    }

    /// Whether `text` has at least two letters and no lower-case one.
    static func isShouted(_ text: String) -> Bool {
        var letters = 0
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
            if scalar.properties.isLowercase { return false }
            letters += 1
        }
        return letters >= 2
    }
}
