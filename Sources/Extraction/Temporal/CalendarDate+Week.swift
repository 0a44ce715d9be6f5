/// ISO 8601 week numbering and the month/year arithmetic the temporal normaliser needs.
extension CalendarDate {
    /// Day of the year, 1 for January 1st.
    var dayOfYear: Int {
        var total = day
        for earlier in 1..<month {
            total += CalendarDate.daysIn(month: earlier, year: year)
        }
        return total
    }

    /// The ISO 8601 week-numbering year and week (1...53) holding this date.
    ///
    /// The week belongs to the year of its Thursday, so 2024-12-30 is in `2025-W01`.
    var isoWeek: (year: Int, week: Int) {
        let thursday = adding(days: 4 - weekday)
        return (thursday.year, (thursday.dayOfYear - 1) / 7 + 1)
    }

    /// The ISO week value, `2025-W45`.
    var isoWeekValue: String {
        let week = isoWeek
        return "\(ISOValue.year(week.year))-W\(ISOValue.pad(week.week, 2))"
    }
}

/// Formats ISO 8601 values at the granularities the normaliser reports.
enum ISOValue {
    /// `value` left-padded with zeros to `width` digits (a minus sign stays in front).
    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(abs(value))
        let padded = String(repeating: "0", count: max(0, width - digits.count)) + digits
        return value < 0 ? "-" + padded : padded
    }

    /// `1992`.
    static func year(_ year: Int) -> String {
        pad(year, 4)
    }

    /// `2025-05`.
    static func month(year: Int, month: Int) -> String {
        "\(pad(year, 4))-\(pad(month, 2))"
    }

    /// `2025-SP`, `2025-Q3`, `2025-H1`.
    static func yearPart(year: Int, part: YearPart) -> String {
        "\(pad(year, 4))-\(part.code)"
    }

    /// The year and month `offset` months after `year`/`month`.
    static func shift(year: Int, month: Int, by offset: Int) -> (year: Int, month: Int) {
        let index = year * 12 + (month - 1) + offset
        let shiftedYear = index >= 0 ? index / 12 : (index - 11) / 12
        return (shiftedYear, index - shiftedYear * 12 + 1)
    }
}
