/// Turns a `TemporalReference` into an ISO value, anchored at the article date.
///
/// Values keep the expression's granularity: `2025-11-06` (day), `2025-W45` (ISO week),
/// `2025-05` (month), `2025-SP` / `2025-Q3` / `2025-H1` (season, quarter, half: TimeML), `1992` (year),
/// `199` (decade, the ISO 8601 / TimeML reduced form).
enum TemporalResolver {
    /// How far (in days) a month-day may lie against the tense before the year moves ("will meet on Feb. 3"
    /// in a November article is next February).
    static let tenseFlipDays = 92
    /// How far (in days) a month-day may lie from the article date, with no tense cue, before the nearer year wins.
    static let nearestYearDays = 183

    /// The ISO value of `reference`, or `nil` when it needs an article date and there is none (or names no real day).
    static func value(of reference: TemporalReference, anchor: CalendarDate?, tense: Tense) -> String? {
        switch reference {
        case .date(let date):
            return date.description
        case .yearMonth(let year, let month):
            return ISOValue.month(year: year, month: month)
        case .year(let year):
            return ISOValue.year(year)
        case .decade(let decade):
            return ISOValue.pad(decade, 3)
        case .yearPartIn(let part, let year):
            return ISOValue.yearPart(year: year, part: part)
        default:
            guard let anchor else { return nil }
            return relativeValue(of: reference, anchor: anchor, tense: tense)
        }
    }

    private static func relativeValue(of reference: TemporalReference, anchor: CalendarDate, tense: Tense) -> String? {
        switch reference {
        case .monthDay(let month, let day):
            return monthDay(month: month, day: day, anchor: anchor, tense: tense)?.description
        case .month(let month, let shift):
            return ISOValue.month(year: year(ofMonth: month, shift: shift, anchor: anchor, tense: tense), month: month)
        case .monthInYear(let month, let day, let yearOffset):
            let year = anchor.year + yearOffset
            guard let day else { return ISOValue.month(year: year, month: month) }
            return CalendarDate(year: year, month: month, day: day)?.description
        case .weekday(let weekday, let shift):
            return self.weekday(weekday, shift: shift, anchor: anchor, tense: tense).description
        case .dayOffset(let offset):
            return anchor.adding(days: offset).description
        case .unitOffset(let unit, let offset):
            return unitOffset(unit, offset, anchor: anchor)
        case .yearPart(let part, let shift):
            return ISOValue.yearPart(year: year(of: part, shift: shift, anchor: anchor, tense: tense), part: part)
        case .yearPartOffset(let part, let yearOffset):
            return ISOValue.yearPart(year: anchor.year + yearOffset, part: part)
        case .period(let unit, let count):
            return period(unit, count: count, anchor: anchor)
        case .vagueAgo(let unit):
            return vagueAgo(unit, anchor: anchor)
        case .date, .yearMonth, .year, .decade, .yearPartIn:
            return value(of: reference, anchor: nil, tense: tense)
        }
    }

    /// The day `month`/`day` in the year the tense points to (the article's year unless far on the wrong side).
    static func monthDay(month: Int, day: Int, anchor: CalendarDate, tense: Tense) -> CalendarDate? {
        guard let candidate = CalendarDate(year: anchor.year, month: month, day: day) else {
            // February 29th in a common year: the nearest leap year on the tense's side.
            let step = tense == .future ? 1 : -1
            let year = stride(from: anchor.year + step, through: anchor.year + 8 * step, by: step)
                .first(where: CalendarDate.isLeap)
            return year.flatMap { CalendarDate(year: $0, month: month, day: day) }
        }
        let delta = candidate.dayNumber - anchor.dayNumber
        var year = anchor.year
        switch tense {
        case .strictPast where delta > 0: year -= 1
        case .past where delta > tenseFlipDays: year -= 1
        case .future where delta < -tenseFlipDays: year += 1
        case .unknown where delta > nearestYearDays: year -= 1
        case .unknown where delta < -nearestYearDays: year += 1
        default: return candidate
        }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// The year of month name `month`: the latest one before for the past, the next one for the future.
    static func year(ofMonth month: Int, shift: TemporalShift, anchor: CalendarDate, tense: Tense) -> Int {
        let current = anchor.month
        switch shift {
        case .last: return month < current ? anchor.year : anchor.year - 1
        case .next: return month > current ? anchor.year : anchor.year + 1
        case .this: return anchor.year
        case .none: break
        }
        let back = (current - month + 12) % 12
        let forward = (month - current + 12) % 12
        // A month one step away beats a (plain) past or future cue: "the September elections", "September
        // crude" in a past-tense August story are next month; "figures for July will be released" last month.
        let direction: Tense
        switch tense {
        case .past where forward == 1 && back != 0: direction = .future
        case .future where back == 1 && forward != 0: direction = .past
        case .unknown: direction = back <= forward ? .past : .future
        default: direction = tense
        }
        if direction == .past || direction == .strictPast {
            return month <= current ? anchor.year : anchor.year - 1
        }
        return month >= current ? anchor.year : anchor.year + 1
    }

    /// The weekday nearest the article date on the side the tense or shift points to.
    static func weekday(_ weekday: Int, shift: TemporalShift, anchor: CalendarDate, tense: Tense) -> CalendarDate {
        let back = (anchor.weekday - weekday + 7) % 7
        let forward = (weekday - anchor.weekday + 7) % 7
        switch shift {
        case .last: return anchor.adding(days: back == 0 ? -7 : -back)
        case .next: return anchor.adding(days: forward == 0 ? 7 : forward)
        case .none, .this: break
        }
        if back == 0 { return anchor }
        switch tense {
        case .past, .strictPast: return anchor.adding(days: -back)
        case .future: return anchor.adding(days: forward)
        case .unknown: return anchor.adding(days: back <= forward ? -back : forward)
        }
    }

    /// The unit `offset` steps from the article date's, at the unit's granularity.
    static func unitOffset(_ unit: TemporalUnit, _ offset: Int, anchor: CalendarDate) -> String {
        switch unit {
        case .day:
            return anchor.adding(days: offset).description
        case .week, .weekend:
            return anchor.adding(days: 7 * offset).isoWeekValue
        case .month:
            let shifted = ISOValue.shift(year: anchor.year, month: anchor.month, by: offset)
            return ISOValue.month(year: shifted.year, month: shifted.month)
        case .quarter:
            let shifted = ISOValue.shift(year: anchor.year, month: anchor.month, by: 3 * offset)
            return ISOValue.yearPart(year: shifted.year, part: .quarter((shifted.month - 1) / 3 + 1))
        case .year:
            return ISOValue.year(anchor.year + offset)
        case .decade:
            return ISOValue.year(anchor.year + 10 * offset)
        }
    }
}
