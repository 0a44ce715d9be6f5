/// Resolves "the kingdom" to the article's one monarchy: the country a person titled king, queen,
/// crown prince, emir or sultan belongs to ("Saudi Crown Prince X" → Saudi Arabia), or a country
/// whose name says it ("United Kingdom"). Nothing when the article has no such country, or several.
///
/// Only "the kingdom" (not "the country": any country can be meant), after the country's first
/// mention, and not when a name or "of" follows ("the Kingdom of Bahrain" names it itself).
struct KingdomCoreference {
    let document: Document

    /// Titles only a monarch or heir holds.
    private static let monarchTitles: Set<String> = ["king", "queen", "crown prince", "emir", "amir", "sultan"]

    /// Location mentions for each "the kingdom" that resolves, linked to the country's entity.
    func mentions(
        candidates: [MentionCandidate], links: [Int], entities: [Entity], skipping junk: Set<Int>
    ) -> [Mention] {
        var monarchies = Set<String>()
        var countries: [String: (entity: Int, first: Int)] = [:]
        var occupied = Set<Int>()
        for (index, candidate) in candidates.enumerated() {
            occupied.formUnion(candidate.mention.tokens)
            let entity = entities[links[index]]
            if let title = candidate.title, KingdomCoreference.monarchTitles.contains(NameKey.of(title.phrase)),
                let country = entity.country
            {
                monarchies.insert(country)
            }
            if candidate.resolution?.placeKind == .country, let country = entity.country, countries[country] == nil {
                countries[country] = (links[index], candidate.mention.tokens.lowerBound)
                if NameKey.of(entity.name).contains("kingdom") { monarchies.insert(country) }
            }
        }
        let known = monarchies.compactMap { countries[$0] }
        guard known.count == 1, let kingdom = known.first else { return [] }
        let tokens = document.tokens
        var result: [Mention] = []
        for index in tokens.indices.dropFirst() where index > kingdom.first && !occupied.contains(index) {
            guard tokens[index].text == "kingdom" || tokens[index].text == "Kingdom",
                ["the", "The"].contains(tokens[index - 1].text),
                index + 1 >= tokens.count || !KingdomCoreference.continues(tokens[index + 1].text),
                let sentence = document.sentenceIndex(ofToken: index), !junk.contains(sentence)
            else { continue }
            result.append(
                Mention(
                    tokens: index..<(index + 1), span: tokens[index].span, text: tokens[index].text, type: .location,
                    entity: kingdom.entity))
        }
        return result
    }

    /// Whether the word after "kingdom" makes it part of a longer name ("Kingdom of …", "Kingdom Tower").
    private static func continues(_ next: String) -> Bool {
        next == "of" || next.first?.isUppercase == true
    }
}
