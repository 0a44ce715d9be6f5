/// Resolves definite descriptions made of a title ("the president", "the Saudi crown prince",
/// "Israel's prime minister", "the senator") to the person introduced earlier in the article
/// with that title ("President Donald Trump", "Sen. X"), and returns them as extra mentions.
///
/// Rules (general, nothing article-specific):
/// * the description is "the" (or a country's possessive, "Israel's") + an optional "former" and
///   an optional country or nationality + a title from the title table (not an honorific such
///   as "Mr."); the word after it must not carry on a noun phrase ("the general election",
///   "the President Donald Trump") and an "of" must name a country ("the president of Iran");
/// * abbreviations and variants count as the same title ("Sen." / "senator", "Premier" /
///   "prime minister"); "the minister" also matches "Foreign Minister X", "the prince"
///   "Crown Prince X", "the secretary" "Secretary of State X", "the envoy" "Special Envoy X";
/// * candidates are persons first named with a matching title before the description, of the
///   description's country when it names one, and past office holders ("former President X")
///   only for "the former president";
/// * among several, the most salient wins: the most mentions before the description, then the
///   latest mention.
struct TitleCoreference {
    let tables: EntityTables
    let document: Document

    /// A person introduced with a title.
    private struct Antecedent {
        var entity: Int
        var title: String
        var category: String
        var isPast: Bool
        var start: Int
    }

    /// A title phrase found in the text, before it is resolved.
    private struct Description {
        var tokens: Range<Int>
        var title: String
        var country: String?
        var isPast: Bool
    }

    /// Honorifics and vague heads that never stand for one person on their own.
    private static let excludedCategories: Set<String> = ["honorific"]
    private static let excludedTitles: Set<String> = ["leader", "chair", "director", "justice", "major", "inspector"]
    // Tiny word lists, compared directly (cheaper than hashing every token for a set look-up).
    private static func isPossessive(_ word: String) -> Bool { word == "'s" || word == "\u{2019}s" }
    private static func isDeterminer(_ word: String) -> Bool { word == "the" || word == "The" || word == "THE" }
    private static let pastMarkers: Set<String> = ["former", "ex", "outgoing"]

    /// Abbreviations and variants, by `NameKey`, mapped to one spelling.
    private static let variants: [String: String] = [
        "sen": "senator", "gov": "governor", "rep": "representative", "gen": "general", "lt gen": "general",
        "maj gen": "general", "brig gen": "general", "adm": "admiral", "col": "colonel", "lt col": "colonel",
        "capt": "captain", "sgt": "sergeant", "cmdr": "commander", "lt": "lieutenant", "maj": "major",
        "vice-president": "vice president", "premier": "prime minister", "amir": "emir", "shaikh": "sheikh",
        "secretary-general": "secretary general", "prof": "professor", "rev": "reverend",
    ]

    /// New person mentions for the descriptions that resolve, each linked to its entity, in text order.
    ///
    /// `links` gives each candidate's entity; `junk` lists sentences to leave alone.
    func mentions(
        candidates: [MentionCandidate], links: [Int], entities: [Entity], skipping junk: Set<Int>
    ) -> [Mention] {
        var antecedents: [Antecedent] = []
        var occupied = Set<Int>()
        for (index, candidate) in candidates.enumerated() {
            occupied.formUnion(candidate.mention.tokens)
            guard let title = candidate.title, entities[links[index]].type == .person,
                !TitleCoreference.excludedCategories.contains(title.category)
            else { continue }
            antecedents.append(
                Antecedent(
                    entity: links[index], title: TitleCoreference.canonical(title.phrase), category: title.category,
                    isPast: candidate.titleIsPast, start: candidate.contextStart))
        }
        guard !antecedents.isEmpty else { return [] }
        let countryEnding = Dictionary(
            candidates.compactMap { candidate -> (Int, String)? in
                guard candidate.resolution?.placeKind == .country, let country = candidate.resolution?.country
                else { return nil }
                return (candidate.mention.tokens.upperBound, country)
            }, uniquingKeysWith: { first, _ in first })
        var result: [Mention] = []
        for start in document.tokens.indices {
            guard let found = description(at: start, occupied: occupied, countryEnding: countryEnding),
                let sentence = document.sentenceIndex(ofToken: start), !junk.contains(sentence),
                let entity = antecedent(
                    of: found, among: antecedents, candidates: candidates, links: links, entities: entities)
            else { continue }
            let tokens = found.tokens
            let first = document.tokens[tokens.lowerBound]
            let span = TextSpan(start: first.span.start, end: document.tokens[tokens.upperBound - 1].span.end)
            result.append(
                Mention(tokens: tokens, span: span, text: document.text(in: span), type: .person, entity: entity))
            occupied.formUnion(tokens)
        }
        return result
    }

    /// The description whose determiner (or possessive) is token `start`, if any.
    private func description(at start: Int, occupied: Set<Int>, countryEnding: [Int: String]) -> Description? {
        let tokens = document.tokens
        var country: String?
        if TitleCoreference.isPossessive(tokens[start].text) {
            guard let owner = countryEnding[start] else { return nil }
            country = owner
        } else if !TitleCoreference.isDeterminer(tokens[start].text) {
            return nil
        }
        var cursor = start + 1
        var isPast = false
        if cursor < tokens.count, TitleCoreference.pastMarkers.contains(tokens[cursor].text.lowercased()) {
            isPast = true
            cursor += 1
        }
        if country == nil, let national = nationality(at: cursor) {
            country = national.country
            cursor += national.length
        }
        guard let title = title(at: cursor, occupied: occupied) else { return nil }
        let end = cursor + title.length
        guard continuesNounPhrase(at: end) == false else { return nil }
        if end < tokens.count, tokens[end].text == "of" {
            // "the president of Iran" names the country; "the president of the club" is someone else.
            var next = end + 1
            if next < tokens.count, TitleCoreference.isDeterminer(tokens[next].text) { next += 1 }
            guard let place = place(at: next), country == nil || country == place.country else { return nil }
            country = place.country
        }
        return Description(tokens: cursor..<end, title: title.key, country: country, isPast: isPast)
    }

    /// The title at token `start` (longest first), unless a mention covers it or it is capitalised
    /// mid-name; its canonical key and length.
    private func title(at start: Int, occupied: Set<Int>) -> (key: String, length: Int)? {
        let tokens = document.tokens
        // Words only: `NameKey` drops periods, so "president ." would read as "president".
        var longest = 0
        while longest < tables.longestTitle, start + longest < tokens.count,
            tokens[start + longest].text.unicodeScalars.first?.properties.isAlphabetic == true
        {
            longest += 1
        }
        guard longest > 0 else { return nil }
        for length in stride(from: longest, through: 1, by: -1) {
            let range = start..<(start + length)
            guard !range.contains(where: occupied.contains),
                let entry = tables.titles[NameKey.of(tokens: tokens[range].map(\.text))],
                !TitleCoreference.excludedCategories.contains(entry.category)
            else { continue }
            let key = TitleCoreference.canonical(entry.phrase)
            guard !TitleCoreference.excludedTitles.contains(key) else { return nil }
            return (key, length)
        }
        return nil
    }

    /// Whether token `index` carries the noun phrase on, so the title is a modifier or heads a name.
    private func continuesNounPhrase(at index: Int) -> Bool {
        guard index < document.tokens.count else { return false }
        let token = document.tokens[index]
        if token.text.first?.isUppercase == true { return true }
        let tag = token.partOfSpeech
        return tag.hasPrefix("NN") || tag.hasPrefix("JJ") || tag == "CD" || token.text == "-"
    }

    /// A country or nationality word (up to three tokens) at `start`, and how long it is.
    private func nationality(at start: Int) -> (country: String?, length: Int)? {
        let tokens = document.tokens
        for length in stride(from: 3, through: 1, by: -1) where start + length < tokens.count {
            let words = tokens[start..<(start + length)]
            guard words.first?.text.first?.isUppercase == true,
                let place = tables.places[NameKey.of(tokens: words.map(\.text))],
                place.kind == .country || place.kind == .demonym
            else { continue }
            return (place.country, length)
        }
        return nil
    }

    /// A country named at token `start` (up to four tokens).
    private func place(at start: Int) -> PlaceEntry? {
        let tokens = document.tokens
        for length in stride(from: 4, through: 1, by: -1) where start + length <= tokens.count {
            let words = tokens[start..<(start + length)]
            guard words.first?.text.first?.isUppercase == true,
                let place = tables.places[NameKey.of(tokens: words.map(\.text))], place.kind == .country
            else { continue }
            return place
        }
        return nil
    }

    /// The entity the description stands for: the most salient matching antecedent before it.
    private func antecedent(
        of description: Description, among antecedents: [Antecedent], candidates: [MentionCandidate], links: [Int],
        entities: [Entity]
    ) -> Int? {
        let start = description.tokens.lowerBound
        let matching = Set(
            antecedents.filter { antecedent in
                antecedent.start < start && antecedent.isPast == description.isPast
                    && TitleCoreference.matches(description.title, antecedent.title, category: antecedent.category)
                    && (description.country == nil || entities[antecedent.entity].country == description.country)
            }.map(\.entity))
        guard !matching.isEmpty else { return nil }
        var best: (entity: Int, count: Int, last: Int)?
        var salience: [Int: (count: Int, last: Int)] = [:]
        for (index, candidate) in candidates.enumerated() where matching.contains(links[index]) {
            let position = candidate.mention.tokens.lowerBound
            guard position < start else { break }
            let current = salience[links[index], default: (0, -1)]
            let next = (count: current.count + 1, last: position)
            salience[links[index]] = next
            if let leader = best, leader.entity != links[index],
                leader.count > next.count || (leader.count == next.count && leader.last > next.last)
            {
                continue
            }
            best = (links[index], next.count, next.last)
        }
        return best?.entity
    }

    /// Whether a description's title stands for an antecedent's title.
    static func matches(_ description: String, _ title: String, category: String) -> Bool {
        if description == title { return true }
        switch description {
        case "minister": return title.hasSuffix(" minister") && title != "prime minister" && !title.hasPrefix("deputy")
        case "prince": return title == "crown prince"
        case "secretary": return title.hasPrefix("secretary of ")
        case "envoy": return title == "special envoy"
        case "lawmaker": return category == "legislator"
        default: return false
        }
    }

    /// The title's key with abbreviations and variants spelled one way ("Sen." → "senator").
    static func canonical(_ phrase: String) -> String {
        let key = NameKey.of(phrase)
        return variants[key] ?? key
    }
}
