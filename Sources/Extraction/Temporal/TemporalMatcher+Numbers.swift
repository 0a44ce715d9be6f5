/// Patterns that start with digits: "18 November", "2023-10-07", "10/07/2023", "1992", "1990s", "mid-2024".
extension TemporalMatcher {
    /// The longest digit-led expression at `index`.
    func numberFirst(at index: Int) -> TemporalMatch? {
        guard let current = token(index) else { return nil }
        if let date = TemporalMatcher.isoDate(current.lower) {
            return TemporalMatch(tokens: index..<(index + 1), reference: .date(date))
        }
        if let slashed = slashDate(at: index) { return slashed }
        if let day = current.firstDayOfMonth, let match = dayFirst(day, at: index) { return match }
        if let decade = TemporalMatcher.decade(current.lower) {
            return TemporalMatch(tokens: index..<(index + 1), reference: .decade(decade))
        }
        guard let year = current.fourDigitYear else { return nil }
        // "the 1990's"
        if year % 10 == 0, token(index - 1)?.lower == "the", let clitic = token(index + 1)?.lower,
            clitic == "'s" || clitic == "\u{2019}s"
        {
            return TemporalMatch(tokens: index..<(index + 2), reference: .decade(year / 10))
        }
        guard hasYearContext(at: index, year: year) else { return nil }
        return TemporalMatch(tokens: index..<(index + 1), reference: .year(year))
    }

    /// "mid-May", "mid-2024", "mid-1990s".
    func midToken(at index: Int) -> TemporalMatch? {
        guard let current = token(index) else { return nil }
        let rest = String(current.lower.dropFirst(4))
        let reference: TemporalReference
        if case .month(let month, let form) = TemporalLexicon.words[rest], form != .abbreviation {
            reference = .month(month, shift: .none)
        } else if let year = TemporalToken(rest).fourDigitYear {
            reference = .year(year)
        } else if let decade = TemporalMatcher.decade(rest) {
            reference = .decade(decade)
        } else {
            return nil
        }
        return TemporalMatch(tokens: index..<(index + 1), reference: reference)
    }

    /// "18 November", "7 October 2023", "the 18th of November".
    private func dayFirst(_ day: Int, at index: Int) -> TemporalMatch? {
        var monthIndex = index + 1
        if tokens[index].ordinal != nil, token(monthIndex)?.lower == "of" { monthIndex += 1 }
        guard let monthToken = token(monthIndex), case .month(let month, let form) = monthToken.word,
            form == .full || monthToken.isCapitalized
        else { return nil }
        if let year = token(monthIndex + 1)?.fourDigitYear, let date = CalendarDate(year: year, month: month, day: day)
        {
            return TemporalMatch(tokens: index..<(monthIndex + 2), reference: .date(date))
        }
        guard day <= CalendarDate.daysIn(month: month, year: 2000) else { return nil }
        return withYearShift(
            TemporalMatch(tokens: index..<(monthIndex + 1), reference: .monthDay(month: month, day: day)))
    }

    /// US "10/07/2023" (month first) and "2023/10/07", which the tokenizer splits as "10/07" "/" "2023".
    private func slashDate(at index: Int) -> TemporalMatch? {
        guard token(index + 1)?.lower == "/", let last = token(index + 2) else { return nil }
        let first = tokens[index]
        if let pair = TemporalMatcher.numberPair(first.lower), let year = last.fourDigitYear,
            let date = CalendarDate(year: year, month: pair.0, day: pair.1)
        {
            return TemporalMatch(tokens: index..<(index + 3), reference: .date(date))
        }
        if let year = first.fourDigitYear, let pair = TemporalMatcher.numberPair(last.lower),
            let date = CalendarDate(year: year, month: pair.0, day: pair.1)
        {
            return TemporalMatch(tokens: index..<(index + 3), reference: .date(date))
        }
        return nil
    }

    /// Whether the four-digit number at `index` reads as a year: "since 1992", "in 2019 the …", "of 2023,",
    /// "between 2019 and 2021", "the 2024 election", "…, 2024."; not "1992 people", "a total of 2023 votes",
    /// "1500 GMT".
    private func hasYearContext(at index: Int, year: Int) -> Bool {
        let previous = token(index - 1)
        let next = token(index + 1)
        if let next, TemporalLexicon.clockFollowers.contains(next.lower) { return false }
        let countsSomething = next.map(TemporalMatcher.isCountedNoun) ?? false
        let isModifier = next?.isContentWord ?? false
        if let previous {
            let word = previous.lower
            if TemporalLexicon.datePrepositions.contains(word) { return !countsSomething }
            if word == "of" || word == "for" { return !isModifier }
            if TemporalLexicon.linkingWords.contains(word) {
                guard !countsSomething, let earlier = token(index - 2) else { return false }
                if case .month = earlier.word { return true }
                return earlier.fourDigitYear != nil
            }
            if TemporalLexicon.yearDeterminers.contains(word) {
                return (1900...2100).contains(year) && !countsSomething && next.map { !$0.isPunctuation } ?? false
            }
            guard previous.isWord else { return false }
        }
        // A year closing a clause or heading a line: "… the Tokyo Olympics, held 2021.", "1812 - Napoleon …".
        guard (1900...2100).contains(year) || previous == nil else { return false }
        guard let next else { return true }
        return [",", ".", ";", ":", ")", "-", "\u{2013}", "\u{2014}"].contains(next.lower)
    }

    /// Whether `token` names what a number counts ("people", "years", "votes").
    private static func isCountedNoun(_ token: TemporalToken) -> Bool {
        if case .unit = token.word { return true }
        return TemporalLexicon.countedNouns.contains(token.lower)
    }

    /// `YYYY-MM-DD` as a date.
    static func isoDate(_ text: String) -> CalendarDate? {
        guard text.utf8.count == 10 else { return nil }
        return CalendarDate(iso: text)
    }

    /// "1990s" as the decade 199.
    static func decade(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard bytes.count == 5, bytes[4] == UInt8(ascii: "s"), bytes[3] == UInt8(ascii: "0") else { return nil }
        var value = 0
        for byte in bytes[0..<4] {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return (1000...2990).contains(value) ? value / 10 : nil
    }

    /// "10/07" as (10, 7).
    static func numberPair(_ text: String) -> (Int, Int)? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ (1...2).contains($0.utf8.count) }),
            let first = Int(parts[0]), let second = Int(parts[1])
        else { return nil }
        return (first, second)
    }
}
