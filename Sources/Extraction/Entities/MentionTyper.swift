/// Corrects the tagger's spans and types with general rules before canonicalisation: person names
/// joined across lower-case name particles ("Sadyr Nurgojo uulu Japarov", "Mohammed bin Salman al
/// Saud"), treaties by their head word ("Abraham Accords" → MISC), organisations by theirs
/// ("Washington Examiner" → ORGANIZATION), and adjectival place forms ("Central Asian",
/// "Saudi-Israel") → MISC.
struct MentionTyper {
    let tables: EntityTables

    /// Lower-case particles that sit between the parts of a personal name.
    static let nameParticles: Set<String> = [
        "uulu", "kyzy", "bin", "binti", "bint", "ibn", "al", "el", "ul", "de", "del", "della", "di", "da", "dos", "das",
        "du", "van", "von", "der", "den", "ter", "zu",
    ]
    /// Head words of treaties, accords and laws.
    static let treatyHeads: Set<String> = [
        "accord", "accords", "treaty", "treaties", "agreement", "agreements", "convention", "protocol", "pact",
        "charter", "act", "declaration", "doctrine", "memorandum", "compact",
    ]
    /// Head words of organisations (news outlets, agencies, institutions, parties, companies); not
    /// words that also head place names ("Oval Office", "Earls Court", "Western Front").
    static let organizationHeads: Set<String> = [
        "examiner", "times", "post", "journal", "news", "agency", "ministry", "party", "bank", "university", "council",
        "forces", "herald", "tribune", "gazette", "telegraph", "chronicle", "observer", "guardian", "inquirer",
        "magazine", "radio", "television", "tv", "network", "broadcasting", "press", "department", "committee",
        "commission", "parliament", "congress", "senate", "army", "navy", "police", "movement",
        "union", "association", "federation", "institute", "foundation", "corporation", "corp", "inc", "ltd", "company",
        "group", "bureau", "authority", "board", "organization", "organisation", "league", "club",
    ]

    /// The mentions with particle-joined person names and corrected types.
    func corrected(_ mentions: [Mention], in document: Document) -> [Mention] {
        var sorted = mentions.sorted { $0.span.start < $1.span.start }
        var result: [Mention] = []
        result.reserveCapacity(sorted.count)
        var index = 0
        while index < sorted.count {
            var mention = sorted[index]
            index += 1
            if mention.type == .person, let upper = particleExtension(of: mention, in: document) {
                mention.tokens = mention.tokens.lowerBound..<upper
                mention.span = TextSpan(start: mention.span.start, end: document.tokens[upper - 1].span.end)
                mention.text = document.text(in: mention.span)
                while index < sorted.count, sorted[index].tokens.lowerBound < upper { index += 1 }
            }
            if let type = correctedType(of: mention, in: document) { mention.type = type }
            result.append(mention)
        }
        sorted.removeAll()
        return result
    }

    /// The new end of a person's span that continues across a name particle and capitalised words.
    private func particleExtension(of mention: Mention, in document: Document) -> Int? {
        let tokens = document.tokens
        let limit = document.sentenceIndex(ofToken: mention.tokens.lowerBound).map {
            document.sentences[$0].tokens.upperBound
        } ?? tokens.count
        var upper = mention.tokens.upperBound
        var extended = false
        while upper + 1 < limit, MentionTyper.nameParticles.contains(tokens[upper].text) {
            // One or two particles ("da", "von der"), then a capitalised name word.
            let particles = MentionTyper.nameParticles.contains(tokens[upper + 1].text) ? 2 : 1
            guard upper + particles < limit, MentionTyper.isNameWord(tokens[upper + particles].text) else { break }
            upper += particles + 1
            var words = 1
            while upper < limit, words < 3, MentionTyper.isNameWord(tokens[upper].text) {
                upper += 1
                words += 1
            }
            extended = true
        }
        return extended ? upper : nil
    }

    /// A capitalised word of letters (and hyphens or apostrophes).
    static func isNameWord(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isUppercase else { return false }
        return text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0 == "-" || $0 == "'" }
    }

    /// The type general rules give the mention, or `nil` to keep the tagger's.
    func correctedType(of mention: Mention, in document: Document) -> EntityType? {
        let count = mention.tokens.count
        guard count >= 1 else { return nil }
        let key = NameKey.of(mention.text)
        if tables.places[key] != nil || tables.organizations[key] != nil { return nil }
        let last = NameKey.of(document.tokens[mention.tokens.upperBound - 1].text)
        if count > 1, MentionTyper.treatyHeads.contains(last) { return .misc }
        let first = NameKey.of(document.tokens[mention.tokens.lowerBound].text)
        // A person's surname may look like a head word ("Lisa Bank"): only "<Place> Examiner" is retyped.
        if count > 1, mention.type != .organization, MentionTyper.organizationHeads.contains(last),
            MentionTyper.isNameWord(document.tokens[mention.tokens.upperBound - 1].text),
            mention.type != .person || tables.places[first] != nil
        {
            return .organization
        }
        if mention.type != .misc, mention.type != .person || key.contains("-"), isAdjectivalPlace(key) { return .misc }
        return nil
    }

    /// "Central Asian", "European", "Saudi-Israel": an adjective formed from places or demonyms.
    private func isAdjectivalPlace(_ key: String) -> Bool {
        let parts = key.split(separator: "-")
        if parts.count == 2, parts.allSatisfy({ part in
            guard let place = tables.places[String(part)] else { return false }
            return place.kind == .country || place.kind == .demonym
        }) {
            return true
        }
        for (suffix, replacement) in [("ian", ""), ("ian", "a"), ("an", ""), ("an", "a"), ("n", ""), ("ese", "")]
        where key.hasSuffix(suffix) {
            let stem = String(key.dropLast(suffix.count)) + replacement
            guard stem.count > 2, let place = tables.places[stem] else { continue }
            if place.kind != .city, place.kind != .state { return true }
        }
        return false
    }
}
