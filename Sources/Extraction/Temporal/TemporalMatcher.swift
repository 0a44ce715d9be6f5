/// Finds temporal expressions in one sentence by scanning its tokens; longest match wins, no overlaps.
///
/// Each pattern starts at a token and reads forwards; context words before a match
/// ("in May", "since 1992") are looked at but not included, except modifiers that change
/// the expression ("earlier this year", "late 2023") and the "in" of "in two weeks".
struct TemporalMatcher {
    /// Every token of the document, classified.
    let tokens: [TemporalToken]
    /// The sentence's token range.
    let sentence: Range<Int>

    /// The sentence's expressions in text order.
    func matches() -> [TemporalMatch] {
        var found: [TemporalMatch] = []
        var index = sentence.lowerBound
        while index < sentence.upperBound {
            if let match = longestMatch(at: index) {
                found.append(match)
                index = match.tokens.upperBound
            } else {
                index += 1
            }
        }
        return found
    }

    /// The token at `index` if it lies inside the sentence.
    func token(_ index: Int) -> TemporalToken? {
        sentence.contains(index) ? tokens[index] : nil
    }

    /// The longest expression starting at `index`.
    func longestMatch(at index: Int, allowModifier: Bool = true) -> TemporalMatch? {
        let current = tokens[index]
        var best: TemporalMatch?
        func consider(_ candidate: TemporalMatch?) {
            guard let candidate else { return }
            if candidate.tokens.upperBound > (best?.tokens.upperBound ?? index) { best = candidate }
        }
        switch current.word {
        case .modifier where allowModifier: consider(modified(at: index))
        case .shift(let shift):
            consider(shifted(shift, at: index))
            if shift == .last { consider(period(at: index)) }
        case .relativeDay(let offset): consider(relativeDay(offset, at: index))
        case .weekday(let weekday, let abbreviated):
            consider(self.weekday(weekday, abbreviated: abbreviated, at: index))
        case .month: consider(monthFirst(at: index))
        case .count:
            consider(ago(at: index))
            consider(vagueAgo(at: index))
        case .season(let season): consider(self.season(season, at: index))
        case .ordinal(let ordinal): consider(ordinalPart(ordinal, at: index))
        case .quarter(let quarter): consider(quarterToken(quarter, at: index))
        case .vague: consider(vagueAgo(at: index))
        case .past: consider(period(at: index))
        default: break
        }
        if current.startsWithDigit {
            consider(ago(at: index))
            consider(numberFirst(at: index))
        } else if current.lower == "in" {
            consider(inCount(at: index))
        } else if current.lower.hasPrefix("mid-") {
            consider(midToken(at: index))
        }
        return best
    }

    /// "early", "late", "earlier", "later" in front of another expression.
    private func modified(at index: Int) -> TemporalMatch? {
        guard sentence.contains(index + 1), let inner = longestMatch(at: index + 1, allowModifier: false) else {
            return nil
        }
        return TemporalMatch(tokens: index..<inner.tokens.upperBound, reference: inner.reference)
    }

    /// "last week", "this year", "next Friday", "last May", "last night", "this morning".
    private func shifted(_ shift: TemporalShift, at index: Int) -> TemporalMatch? {
        // "the last week of October", "the next year" are spans, not the article's neighbours.
        if shift != .this, token(index - 1)?.lower == "the" { return nil }
        guard let next = token(index + 1), let word = next.word else { return nil }
        switch word {
        case .unit(let unit, plural: false) where unit != .day && unit != .decade:
            return TemporalMatch(tokens: index..<(index + 2), reference: .unitOffset(unit, shift.offset))
        case .weekday(let weekday, abbreviated: false):
            return TemporalMatch(
                tokens: index..<partOfDayEnd(after: index + 1), reference: .weekday(weekday, shift: shift))
        case .month(let month, let form) where form == .full || (form == .ambiguous && next.isCapitalized):
            return TemporalMatch(tokens: index..<(index + 2), reference: .month(month, shift: shift))
        case .season(let season):
            return TemporalMatch(tokens: index..<(index + 2), reference: .yearPart(.season(season), shift: shift))
        case .partOfDay:
            switch (shift, next.lower) {
            case (.last, "night"):
                return TemporalMatch(tokens: index..<(index + 2), reference: .dayOffset(-1))
            case (.this, "morning"), (.this, "afternoon"), (.this, "evening"):
                return TemporalMatch(tokens: index..<(index + 2), reference: .dayOffset(0))
            default:
                return nil
            }
        default:
            return nil
        }
    }

    /// "yesterday", "today", "tomorrow morning", "tonight"; not "USA Today".
    private func relativeDay(_ offset: Int, at index: Int) -> TemporalMatch? {
        if tokens[index].isCapitalized, let previous = token(index - 1), previous.isWord, previous.isCapitalized {
            return nil
        }
        let end = tokens[index].lower == "tonight" ? index + 1 : partOfDayEnd(after: index)
        return TemporalMatch(tokens: index..<end, reference: .dayOffset(offset))
    }

    /// "Thursday", "Thursday night", "Thursday, Nov. 6", "Thu., Nov. 6, 2025"; not "Man Friday", "Sunday Times".
    private func weekday(_ weekday: Int, abbreviated: Bool, at index: Int) -> TemporalMatch? {
        var dateStart = index + 1
        // "Thu., Nov. 6" and "Thu Nov 6", but not "The Sun, Nov. 9".
        if token(dateStart)?.lower == ",", !abbreviated || tokens[index].lower.hasSuffix(".") { dateStart += 1 }
        if sentence.contains(dateStart), let date = monthFirst(at: dateStart) ?? numberFirst(at: dateStart) {
            switch date.reference {
            case .date, .monthDay:
                return TemporalMatch(tokens: index..<date.tokens.upperBound, reference: date.reference)
            default:
                break
            }
        }
        if abbreviated { return nil }
        if let next = token(index + 1), next.isCapitalized, TemporalLexicon.weekdayNameTails.contains(next.lower) {
            return nil
        }
        if let previous = token(index - 1), previous.isCapitalized,
            TemporalLexicon.weekdayNameHeads.contains(previous.lower)
        {
            return nil
        }
        return TemporalMatch(tokens: index..<partOfDayEnd(after: index), reference: .weekday(weekday, shift: .none))
    }

    /// "Nov. 18", "November 18th, 2023", "May 2024", "in May"; not "it may rain", "May I", "the March".
    private func monthFirst(at index: Int) -> TemporalMatch? {
        guard let current = token(index), case .month(let month, let form) = current.word,
            form == .full || current.isCapitalized
        else { return nil }
        if let day = token(index + 1)?.firstDayOfMonth {
            var yearIndex = index + 2
            if token(yearIndex)?.lower == "," { yearIndex += 1 }
            if let year = token(yearIndex)?.fourDigitYear, let date = CalendarDate(year: year, month: month, day: day) {
                return TemporalMatch(tokens: index..<(yearIndex + 1), reference: .date(date))
            }
            guard day <= CalendarDate.daysIn(month: month, year: 2000) else { return nil }
            return withYearShift(
                TemporalMatch(tokens: index..<(index + 2), reference: .monthDay(month: month, day: day)))
        }
        if let year = token(index + 1)?.fourDigitYear {
            return TemporalMatch(tokens: index..<(index + 2), reference: .yearMonth(year: year, month: month))
        }
        if token(index + 1)?.lower == ",", let year = token(index + 2)?.fourDigitYear,
            token(index + 3).map(\.isPunctuation) ?? true
        {
            return TemporalMatch(tokens: index..<(index + 3), reference: .yearMonth(year: year, month: month))
        }
        guard form == .full || (form == .ambiguous && hasMonthContext(before: index)) else { return nil }
        return withYearShift(TemporalMatch(tokens: index..<(index + 1), reference: .month(month, shift: .none)))
    }

    /// `match` extended over a following "last year", "this year" or "next year" ("October last year").
    func withYearShift(_ match: TemporalMatch) -> TemporalMatch {
        let end = match.tokens.upperBound
        guard case .shift(let shift) = token(end)?.word, case .unit(.year, plural: false) = token(end + 1)?.word else {
            return match
        }
        let reference: TemporalReference
        switch match.reference {
        case .monthDay(let month, let day): reference = .monthInYear(month: month, day: day, yearOffset: shift.offset)
        case .month(let month, .none): reference = .monthInYear(month: month, day: nil, yearOffset: shift.offset)
        default: return match
        }
        return TemporalMatch(tokens: match.tokens.lowerBound..<(end + 2), reference: reference)
    }

    /// Whether a bare ambiguous month name reads as a month: "in May", "end of March", "April and May",
    /// "June and July", "the May elections"; not "Theresa May", "the March on Washington", "May I".
    private func hasMonthContext(before index: Int) -> Bool {
        let previous = token(index - 1)
        let next = token(index + 1)
        if let next, TemporalLexicon.linkingWords.contains(next.lower), case .month = token(index + 2)?.word {
            return true
        }
        guard let previous else { return false }
        if TemporalLexicon.datePrepositions.contains(previous.lower) || previous.lower == "of" { return true }
        if TemporalLexicon.yearDeterminers.contains(previous.lower), let next, next.isWord,
            !TemporalLexicon.functionWords.contains(next.lower)
        {
            return true
        }
        guard TemporalLexicon.linkingWords.contains(previous.lower), let earlier = token(index - 2) else {
            return false
        }
        if case .month = earlier.word { return true }
        return earlier.fourDigitYear != nil || earlier.dayOfMonth != nil
    }

    /// "two days ago", "a week ago", "3 years ago".
    private func ago(at index: Int) -> TemporalMatch? {
        guard let count = tokens[index].count, case .unit(let unit, _) = token(index + 1)?.word, unit != .weekend,
            token(index + 2)?.word == .ago
        else { return nil }
        return TemporalMatch(tokens: index..<(index + 3), reference: .unitOffset(unit, -count))
    }

    /// "will … in two weeks", "in 10 days' time"; not "the first time in two years" or a duration.
    private func inCount(at index: Int) -> TemporalMatch? {
        guard let count = token(index + 1)?.count, case .unit(let unit, _) = token(index + 2)?.word,
            unit != .weekend
        else { return nil }
        if let previous = token(index - 1), previous.isWord,
            TemporalLexicon.durationHeads.contains(previous.lower) || previous.lower.hasSuffix("est")
        {
            return nil
        }
        var end = index + 3
        if let quote = token(end)?.lower, quote == "'" || quote == "\u{2019}", token(end + 1)?.lower == "time" {
            end += 2
        }
        // Without "time", only a future context makes it a date ("will be released in two weeks");
        // otherwise it is usually a duration ("in four days it is hard to …").
        if end == index + 3, TenseDetector.tense(around: index..<end, in: sentence, tokens: tokens) != .future {
            return nil
        }
        return TemporalMatch(tokens: index..<end, reference: .unitOffset(unit, count))
    }

    /// One past `index`, or two when a part of the day follows ("Thursday night").
    private func partOfDayEnd(after index: Int) -> Int {
        if case .partOfDay = token(index + 1)?.word { return index + 2 }
        return index + 1
    }
}
