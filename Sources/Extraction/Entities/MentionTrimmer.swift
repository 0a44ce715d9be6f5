/// Cuts a tagged span down to the name itself: leading determiners and quotes, trailing
/// possessives and punctuation, and (for people) titles such as "President" or "Mr.", which it
/// remembers, together with a title written just before the span.
struct MentionTrimmer {
    let tables: EntityTables

    private static let leadingNoise: Set<String> = ["the", "a", "an", "\"", "\u{201C}", "'", "\u{2018}", "(", "["]
    private static let trailingNoise: Set<String> = [
        "'s", "\u{2019}s", "'", "\u{2019}", "'S", "\u{2019}S", ",", ".", ";", ":", ")", "]", "\"", "\u{201D}",
    ]
    /// Numerals and quantifiers the tagger sometimes takes into a nationality ("Four Arab countries").
    private static let quantifiers: Set<String> = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "dozens",
        "some", "many", "several", "all", "both", "most", "few", "other", "these", "those", "various", "numerous",
    ]
    private static let pastMarkers: Set<String> = ["former", "ex", "ex-", "late", "then", "then-", "outgoing"]

    /// The trimmed candidate, or `nil` when nothing of the name is left.
    func candidate(for mention: Mention, in document: Document) -> MentionCandidate? {
        var lower = mention.tokens.lowerBound
        var upper = mention.tokens.upperBound
        let tokens = document.tokens
        while upper > lower, MentionTrimmer.trailingNoise.contains(tokens[upper - 1].text) { upper -= 1 }
        while upper > lower, MentionTrimmer.leadingNoise.contains(NameKey.of(tokens[lower].text)) { lower += 1 }
        if mention.type != .person, upper - lower > 1, isQuantifier(tokens[lower].text),
            tables.places[NameKey.of(tokens: tokens[(lower + 1)..<upper].map(\.text))] != nil
                || (upper < tokens.count && tokens[upper].partOfSpeech == "NNS")
        {
            // Only before a known place or a plural noun ("Four Arab countries"): "Five Star Movement" stays.
            lower += 1
        }
        var title: TitleEntry?
        var titleStart: Int?
        var titleIsPast = false
        if mention.type == .person {
            lower += nationalPrefix(at: lower, before: upper - 1, in: tokens)
            while upper - lower > 1, let found = self.title(startingAt: lower, before: upper - 1, in: tokens) {
                if titleStart == nil { titleStart = lower }
                title = found.entry
                lower += found.length
            }
            while upper - lower > 1, tokens[lower].text.first?.isLowercase == true { lower += 1 }
        }
        guard upper > lower else { return nil }
        if mention.type == .person, title == nil,
            self.title(startingAt: lower, before: upper, in: tokens)?.length == upper - lower
        {
            return nil  // A bare title ("President") is not a name.
        }
        var contextStart = titleStart ?? lower
        if mention.type == .person, title == nil, let found = self.title(endingAt: lower - 1, in: tokens) {
            title = found.entry
            contextStart = lower - found.length
        }
        if mention.type == .person, title != nil, contextStart > 0 {
            let previous = NameKey.of(tokens[contextStart - 1].text)
            if MentionTrimmer.pastMarkers.contains(previous) { titleIsPast = true }
        }
        let span = TextSpan(start: tokens[lower].span.start, end: tokens[upper - 1].span.end)
        var trimmed = mention
        trimmed.tokens = lower..<upper
        trimmed.span = span
        trimmed.text = document.text(in: span)
        trimmed.entity = nil
        let keys = tokens[lower..<upper].map { NameKey.of($0.text) }
        return MentionCandidate(
            mention: trimmed, title: title, titleIsPast: titleIsPast, contextStart: contextStart, nameKeys: keys)
    }

    private func isQuantifier(_ text: String) -> Bool {
        MentionTrimmer.quantifiers.contains(NameKey.of(text)) || text.allSatisfy(\.isNumber)
    }

    /// Length of a country or demonym (and possessive) that the tagger put in front of a title inside
    /// a person's span ("Kazakhstan President Kassym-Jomart Tokayev"), or 0.
    private func nationalPrefix(at start: Int, before limit: Int, in tokens: [Token]) -> Int {
        for length in stride(from: 3, through: 1, by: -1) where start + length < limit {
            guard let place = tables.places[NameKey.of(tokens: tokens[start..<(start + length)].map(\.text))],
                place.kind == .country || place.kind == .demonym
            else { continue }
            let possessive = ["'s", "\u{2019}s"].contains(tokens[start + length].text) ? 1 : 0
            if title(startingAt: start + length + possessive, before: limit, in: tokens) != nil {
                return length + possessive
            }
        }
        return 0
    }

    /// The longest title starting at token `start` that ends before token `limit`.
    private func title(startingAt start: Int, before limit: Int, in tokens: [Token]) -> (
        entry: TitleEntry, length: Int
    )? {
        let longest = min(tables.longestTitle, limit - start)
        guard longest > 0 else { return nil }
        for length in stride(from: longest, through: 1, by: -1) {
            let words = tokens[start..<(start + length)]
            guard MentionTrimmer.areWords(words) else { continue }
            if let entry = tables.titles[NameKey.of(tokens: words.map(\.text))] { return (entry, length) }
        }
        return nil
    }

    /// Whether every token starts with a letter: `NameKey` drops periods, so "president ." (the end of
    /// the sentence before) would otherwise read as the title "president".
    private static func areWords(_ tokens: ArraySlice<Token>) -> Bool {
        tokens.allSatisfy { $0.text.unicodeScalars.first?.properties.isAlphabetic == true }
    }

    /// The longest title ending at token `end` (inclusive).
    private func title(endingAt end: Int, in tokens: [Token]) -> (entry: TitleEntry, length: Int)? {
        guard end >= 0 else { return nil }
        for length in stride(from: min(tables.longestTitle, end + 1), through: 1, by: -1) {
            let words = tokens[(end - length + 1)...end]
            guard MentionTrimmer.areWords(words) else { continue }
            if let entry = tables.titles[NameKey.of(tokens: words.map(\.text))] { return (entry, length) }
        }
        return nil
    }
}
