/// What a temporal expression means before it is anchored to the article date.
enum TemporalReference: Hashable, Sendable {
    /// A full date ("Oct. 7, 2023", "2023-10-07").
    case date(CalendarDate)
    /// A month and day whose year comes from context ("Nov. 18", "18 November").
    case monthDay(month: Int, day: Int)
    /// A month of a given year ("May 2024").
    case yearMonth(year: Int, month: Int)
    /// A year ("1992").
    case year(Int)
    /// A decade, by its first three digits ("the 1990s" is 199).
    case decade(Int)
    /// A month name whose year comes from context ("in May", "last May").
    case month(Int, shift: TemporalShift)
    /// A weekday (ISO 1 = Monday … 7 = Sunday), resolved near the article date ("Thursday", "next Friday").
    case weekday(Int, shift: TemporalShift)
    /// A month, or a month and day, in the year `yearOffset` years from the article's ("May 13 next year",
    /// "October last year").
    case monthInYear(month: Int, day: Int?, yearOffset: Int)
    /// Days from the article date ("yesterday" is -1, "tonight" 0).
    case dayOffset(Int)
    /// A calendar unit counted from the article date's ("last week" is week -1, "in two weeks" week +2).
    case unitOffset(TemporalUnit, Int)

    /// Whether resolving this reference needs the article date.
    var isRelative: Bool {
        switch self {
        case .date, .yearMonth, .year, .decade: false
        case .monthDay, .month, .monthInYear, .weekday, .dayOffset, .unitOffset: true
        }
    }

    /// Whether resolving this reference looks at the sentence's tense.
    var usesTense: Bool {
        switch self {
        case .monthDay: true
        case .month(_, let shift), .weekday(_, let shift): shift == .none || shift == .this
        default: false
        }
    }
}

/// The word in front of a weekday or month that says which one is meant.
enum TemporalShift: Hashable, Sendable {
    /// No shift word: the nearest one the tense allows.
    case none
    /// "last": the latest one strictly before the article date.
    case last
    /// "this": the one in the article's week or year.
    case this
    /// "next": the earliest one strictly after the article date.
    case next

    /// -1, 0 or +1 when applied to a unit ("last week").
    var offset: Int {
        switch self {
        case .none, .this: 0
        case .last: -1
        case .next: 1
        }
    }
}

/// Calendar units that relative expressions count in.
enum TemporalUnit: Hashable, Sendable {
    case day, week, weekend, month, year, decade
}

/// The tense a sentence gives an expression, from cue words around it.
enum Tense: Hashable, Sendable {
    /// Before the article date, as far as the sentence says.
    case past
    /// Certainly not after the article date ("since Dec. 2").
    case strictPast
    /// After the article date.
    case future
    /// No cue.
    case unknown
}
