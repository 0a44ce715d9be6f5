/// Reads a person's or organisation's country from the words around it: "Kazakhstan President X",
/// "Israel's Netanyahu", "Saudi Crown Prince X", "President X of Uzbekistan", "Kazakh Foreign Ministry",
/// "Bank of Israel".
struct CountryContext {
    let tables: EntityTables
    let document: Document
    let candidates: [MentionCandidate]
    private let candidateEndingAt: [Int: Int]
    private let candidateStartingAt: [Int: Int]

    private static let possessives: Set<String> = ["'s", "\u{2019}s", "'", "\u{2019}"]

    init(tables: EntityTables, document: Document, candidates: [MentionCandidate]) {
        self.tables = tables
        self.document = document
        self.candidates = candidates
        var ending: [Int: Int] = [:]
        var starting: [Int: Int] = [:]
        for (index, candidate) in candidates.enumerated() {
            ending[candidate.mention.tokens.upperBound] = index
            starting[candidate.mention.tokens.lowerBound] = index
        }
        candidateEndingAt = ending
        candidateStartingAt = starting
    }

    /// The ISO alpha-2 country the context gives candidate `index`, or `nil`.
    func country(of index: Int) -> String? {
        let candidate = candidates[index]
        let tokens = candidate.mention.tokens
        if candidate.mention.type == .organization, let inside = countryInside(tokens) { return inside }
        let isPossessive =
            candidate.contextStart > 0
            && CountryContext.possessives.contains(document.tokens[candidate.contextStart - 1].text)
        let before = isPossessive ? candidate.contextStart - 1 : candidate.contextStart
        if candidate.title != nil || isPossessive || candidate.mention.type == .organization,
            let country = countryEnding(at: before)
        {
            return country
        }
        return countryAfterOf(tokens.upperBound)
    }

    /// A country or demonym whose last token is just before token `end`.
    private func countryEnding(at end: Int) -> String? {
        if let index = candidateEndingAt[end] {
            return candidates[index].resolution.flatMap(CountryContext.nationalCountry)
        }
        for length in 1...3 where end - length >= 0 {
            let words = document.tokens[(end - length)..<end]
            guard words.first?.text.first?.isUppercase == true else { continue }
            if let place = tables.places[NameKey.of(tokens: words.map(\.text))],
                place.kind == .country || place.kind == .demonym
            {
                return place.country
            }
        }
        return nil
    }

    /// A country named right after "of" following token `end` ("President X of Uzbekistan").
    private func countryAfterOf(_ end: Int) -> String? {
        guard end + 1 < document.tokens.count, document.tokens[end].text == "of" else { return nil }
        // "of the United States": the tagger may or may not include the article.
        let start = document.tokens[end + 1].text.lowercased() == "the" ? end + 2 : end + 1
        guard let index = candidateStartingAt[start], candidates[index].resolution?.placeKind == .country else {
            return nil
        }
        return candidates[index].resolution?.country
    }

    /// A country at the start ("Kazakh Foreign Ministry") or after a final "of" ("Bank of Israel").
    private func countryInside(_ tokens: Range<Int>) -> String? {
        let words = document.tokens[tokens].map(\.text)
        for length in stride(from: min(3, words.count - 1), through: 1, by: -1) {
            if let place = tables.places[NameKey.of(tokens: words[0..<length])],
                place.kind == .country || place.kind == .demonym
            {
                return place.country
            }
        }
        if let of = words.lastIndex(of: "of"), of + 1 < words.count,
            let place = tables.places[NameKey.of(tokens: words[(of + 1)...])], place.kind == .country
        {
            return place.country
        }
        return nil
    }

    private static func nationalCountry(_ resolution: Resolution) -> String? {
        resolution.placeKind == .country || resolution.placeKind == .demonym ? resolution.country : nil
    }
}
