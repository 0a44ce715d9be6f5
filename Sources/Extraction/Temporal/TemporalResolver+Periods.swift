/// Seasons, quarters and halves, periods ending at the article date, and vague counts.
extension TemporalResolver {
    /// Assumed count behind "a few", "several", "a couple of".
    static let vagueCount = 3

    /// The year of a season, quarter or half named without one. "this": the one of the article's year
    /// (the winter that started last December in January and February); "last": the latest one over
    /// before the article's month; "next": the first one starting after it; no shift: the latest one
    /// begun (past tense), the first one not over (future), else the nearer of the two.
    static func year(of part: YearPart, shift: TemporalShift, anchor: CalendarDate, tense: Tense) -> Int {
        let now = anchor.year * 12 + anchor.month - 1
        let starts = (anchor.year - 2...anchor.year + 2).map { $0 * 12 + part.startMonth - 1 }
        let begun = starts.last { $0 <= now } ?? now
        let upcoming = starts.first { $0 > now } ?? now
        let over = starts.last { $0 + part.months <= now } ?? now
        let notOver = starts.first { $0 + part.months > now } ?? now
        let start: Int
        switch shift {
        case .this:
            let isLateWinter = part == .season(.winter) && anchor.month <= 2
            return isLateWinter ? anchor.year - 1 : anchor.year
        case .last: start = over
        case .next: start = upcoming
        case .none:
            switch tense {
            case .past, .strictPast: start = begun
            case .future: start = notOver
            case .unknown:
                let isCurrent = begun + part.months > now
                start = isCurrent || now - (begun + part.months) < upcoming - now ? begun : upcoming
            }
        }
        return start / 12
    }

    /// A period ending at the article date: the calendar unit holding its midpoint, at the unit's
    /// granularity for one unit ("the past week" → that ISO week) and one coarser for several or a
    /// vague number ("the past three months" → the year, "in recent days" → the ISO week).
    static func period(_ unit: TemporalUnit, count: Int?, anchor: CalendarDate) -> String {
        let length = count ?? vagueCount
        let middle = anchor.adding(days: -(length * approximateDays(unit)) / 2)
        return calendarValue(of: middle, unit: length == 1 ? unit : coarser(unit))
    }

    /// "a few days ago": the point three units back, one granularity coarser ("a few days ago" → ISO week).
    static func vagueAgo(_ unit: TemporalUnit, anchor: CalendarDate) -> String {
        let point = anchor.adding(days: -vagueCount * approximateDays(unit))
        return calendarValue(of: point, unit: coarser(unit))
    }

    /// The unit a vague or multiple count is reported in.
    static func coarser(_ unit: TemporalUnit) -> TemporalUnit {
        switch unit {
        case .day, .weekend: .week
        case .week: .month
        case .month, .quarter: .year
        case .year, .decade: .decade
        }
    }

    private static func approximateDays(_ unit: TemporalUnit) -> Int {
        switch unit {
        case .day: 1
        case .week, .weekend: 7
        case .month: 30
        case .quarter: 91
        case .year: 365
        case .decade: 3652
        }
    }

    /// `date` at the granularity of `unit`.
    private static func calendarValue(of date: CalendarDate, unit: TemporalUnit) -> String {
        switch unit {
        case .day: date.description
        case .week, .weekend: date.isoWeekValue
        case .month: ISOValue.month(year: date.year, month: date.month)
        case .quarter: ISOValue.yearPart(year: date.year, part: .quarter((date.month - 1) / 3 + 1))
        case .year: ISOValue.year(date.year)
        case .decade: ISOValue.pad(date.year / 10, 3)
        }
    }

    /// The value of a partial date when the article has no date but its first line names a year
    /// (`year`): "Nov. 18" → that year's Nov. 18, "in May", "this spring"-less seasons and quarters
    /// likewise; `nil` for what needs a day to count from.
    static func value(of reference: TemporalReference, inYear year: Int) -> String? {
        switch reference {
        case .monthDay(let month, let day):
            return CalendarDate(year: year, month: month, day: day)?.description
        case .month(let month, .none):
            return ISOValue.month(year: year, month: month)
        case .monthInYear(let month, let day, let yearOffset):
            guard let day else { return ISOValue.month(year: year + yearOffset, month: month) }
            return CalendarDate(year: year + yearOffset, month: month, day: day)?.description
        case .yearPart(let part, .none):
            return ISOValue.yearPart(year: year, part: part)
        case .yearPartOffset(let part, let yearOffset):
            return ISOValue.yearPart(year: year + yearOffset, part: part)
        default:
            return nil
        }
    }
}
