/// Patterns for parts of a year and periods: "this spring", "summer of 2023", "the third quarter",
/// "Q3 2024", "the first half of 2023", "the past week", "in recent days", "a few days ago".
extension TemporalMatcher {
    /// Words that make a sentence about a game, where "the third quarter" is a period of play.
    static let sportsWords: Set<String> = [
        "scored", "score", "scores", "scoring", "points", "touchdown", "touchdowns", "goal", "goals", "game", "games",
        "match", "inning", "innings", "halftime", "basket", "baskets", "trailed", "rebounds", "quarterback",
    ]
    /// Words before a bare quarter or season that make it a date ("in Q3", "during the summer").
    static let partLeadIns: Set<String> = ["the", "its", "their", "for", "of", "this"]

    /// "spring 2024", "the summer of 2023", "in (the) spring", "early winter"; "fall" only with a year.
    func season(_ season: Season, at index: Int) -> TemporalMatch? {
        let part = YearPart.season(season)
        if let dated = withYear(part, from: index, after: index + 1) { return dated }
        guard tokens[index].lower != "fall", hasPartContext(before: index, prepositionsOnly: true) else { return nil }
        return TemporalMatch(tokens: index..<(index + 1), reference: .yearPart(part, shift: .none))
    }

    /// "the third quarter (of 2024)", "the first half of last year"; a half needs its year.
    func ordinalPart(_ ordinal: Int, at index: Int) -> TemporalMatch? {
        guard !isFiscal(before: index), let next = token(index + 1) else { return nil }
        let part: YearPart
        if case .unit(.quarter, plural: false) = next.word, ordinal <= 4 {
            part = .quarter(ordinal)
        } else if next.lower == "half", ordinal <= 2 {
            part = .half(ordinal)
        } else {
            return nil
        }
        if let dated = withYear(part, from: index, after: index + 2) { return dated }
        guard case .quarter = part, token(index - 1)?.lower == "the" || token(index - 1)?.lower == "its",
            !isSportsSentence()
        else { return nil }
        return TemporalMatch(tokens: index..<(index + 2), reference: .yearPart(part, shift: .none))
    }

    /// "Q3", "Q3 2024", "third-quarter (profit)"; a bare "Q3" only after "in", "the", "for" and co.
    func quarterToken(_ quarter: Int, at index: Int) -> TemporalMatch? {
        guard !isFiscal(before: index) else { return nil }
        if let dated = withYear(.quarter(quarter), from: index, after: index + 1) { return dated }
        if tokens[index].lower.hasPrefix("q") {
            guard hasPartContext(before: index, prepositionsOnly: false) else { return nil }
        } else if isSportsSentence() {
            return nil
        }
        return TemporalMatch(tokens: index..<(index + 1), reference: .yearPart(.quarter(quarter), shift: .none))
    }

    /// "a few days ago", "several weeks ago", "a couple of months ago".
    func vagueAgo(at index: Int) -> TemporalMatch? {
        guard let length = vagueCountLength(at: index),
            case .unit(let unit, plural: true) = token(index + length)?.word, unit != .weekend, token(index + length + 1)?.word == .ago
        else { return nil }
        return TemporalMatch(tokens: index..<(index + length + 2), reference: .vagueAgo(unit))
    }

    /// "(the) past week", "(the) last three months", "(the) past few days", "(in) recent weeks"; not
    /// "the last week of October".
    func period(at index: Int) -> TemporalMatch? {
        if tokens[index].lower == "recent" {
            guard token(index - 1)?.lower == "in", case .unit(let unit, plural: true) = token(index + 1)?.word,
                unit != .weekend
            else { return nil }
            return TemporalMatch(tokens: index..<(index + 2), reference: .period(unit, count: nil))
        }
        guard token(index - 1)?.lower == "the" else { return nil }
        var cursor = index + 1
        var count: Int? = 1
        if let length = vagueCountLength(at: cursor) {
            count = nil
            cursor += length
        } else if let number = token(cursor)?.count, token(cursor)?.lower != "a", token(cursor)?.lower != "an" {
            count = number
            cursor += 1
        }
        guard case .unit(let unit, let plural) = token(cursor)?.word, unit != .weekend, plural == (count != 1),
            token(cursor + 1)?.lower != "of"
        else { return nil }
        return TemporalMatch(tokens: index..<(cursor + 1), reference: .period(unit, count: count))
    }

    /// `part` with the year after token `after`: "2024", "of 2024", "(of) last year", "of the year".
    private func withYear(_ part: YearPart, from start: Int, after end: Int) -> TemporalMatch? {
        if let year = token(end)?.fourDigitYear {
            return TemporalMatch(tokens: start..<(end + 1), reference: .yearPartIn(part, year: year))
        }
        let next = token(end)?.lower == "of" ? end + 1 : end
        if next > end, let year = token(next)?.fourDigitYear {
            return TemporalMatch(tokens: start..<(next + 1), reference: .yearPartIn(part, year: year))
        }
        if case .shift(let shift) = token(next)?.word, case .unit(.year, plural: false) = token(next + 1)?.word {
            return TemporalMatch(
                tokens: start..<(next + 2), reference: .yearPartOffset(part, yearOffset: shift.offset))
        }
        if next > end, token(next)?.lower == "the", case .unit(.year, plural: false) = token(next + 1)?.word {
            return TemporalMatch(tokens: start..<(next + 2), reference: .yearPartOffset(part, yearOffset: 0))
        }
        return nil
    }

    /// Tokens of a vague count at `index`: "a few" and "several" (2 and 1), "a couple of" (3).
    private func vagueCountLength(at index: Int) -> Int? {
        guard let first = token(index) else { return nil }
        if first.word == .vague {
            return first.lower == "couple" ? nil : 1
        }
        guard first.lower == "a", token(index + 1)?.word == .vague else { return nil }
        if token(index + 1)?.lower == "couple" { return token(index + 2)?.lower == "of" ? 3 : nil }
        return token(index + 1)?.lower == "few" ? 2 : nil
    }

    /// Whether the word before token `index` (or before "the" there) makes a bare part of a year a date.
    private func hasPartContext(before index: Int, prepositionsOnly: Bool) -> Bool {
        guard var previous = token(index - 1)?.lower else { return false }
        if previous == "the", let earlier = token(index - 2)?.lower { previous = earlier }
        return TemporalLexicon.datePrepositions.contains(previous)
            || (!prepositionsOnly && TemporalMatcher.partLeadIns.contains(previous))
    }

    /// "fiscal third quarter": a company's own year, which the calendar cannot tell.
    private func isFiscal(before index: Int) -> Bool {
        token(index - 1)?.lower == "fiscal" || (token(index - 1)?.lower == "the" && token(index - 2)?.lower == "fiscal")
    }

    /// Whether the sentence talks about a game (sports words or a score such as "24-17").
    private func isSportsSentence() -> Bool {
        sentence.contains { index in
            let lower = tokens[index].lower
            return TemporalMatcher.sportsWords.contains(lower) || (tokens[index].startsWithDigit && isScore(lower))
        }
    }

    private func isScore(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isNumber) }
    }
}
