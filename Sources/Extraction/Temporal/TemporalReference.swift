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
    /// A season, quarter or half whose year comes from context ("this spring", "the third quarter").
    case yearPart(YearPart, shift: TemporalShift)
    /// A season, quarter or half of a given year ("spring 2024", "Q3 2024", "the first half of 2023").
    case yearPartIn(YearPart, year: Int)
    /// A season, quarter or half of the year `yearOffset` years from the article's ("the third quarter of
    /// last year").
    case yearPartOffset(YearPart, yearOffset: Int)
    /// A period ending at the article date ("the past week", "the past three months", "in recent days"),
    /// `count` units long (`nil` when vague).
    case period(TemporalUnit, count: Int?)
    /// A vague number of units before the article date ("a few days ago", "several weeks ago").
    case vagueAgo(TemporalUnit)

    /// Whether resolving this reference needs the article date.
    var isRelative: Bool {
        switch self {
        case .date, .yearMonth, .year, .decade, .yearPartIn: false
        case .monthDay, .month, .monthInYear, .weekday, .dayOffset, .unitOffset, .yearPart, .yearPartOffset, .period,
            .vagueAgo:
            true
        }
    }

    /// Whether resolving this reference looks at the sentence's tense.
    var usesTense: Bool {
        switch self {
        case .monthDay: true
        case .month(_, let shift), .weekday(_, let shift): shift == .none || shift == .this
        case .yearPart(_, let shift): shift == .none
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
    case day, week, weekend, month, quarter, year, decade
}

/// A named part of a year: a season (northern hemisphere), a quarter or a half.
enum YearPart: Hashable, Sendable {
    /// Spring (March–May), summer (June–August), autumn (September–November), winter (December–February).
    case season(Season)
    /// Quarter 1...4.
    case quarter(Int)
    /// Half 1...2.
    case half(Int)

    /// First month, 1...12 (winter starts in December of its year).
    var startMonth: Int {
        switch self {
        case .season(let season): season.startMonth
        case .quarter(let quarter): 3 * (quarter - 1) + 1
        case .half(let half): 6 * (half - 1) + 1
        }
    }

    /// Length in months.
    var months: Int {
        if case .half = self { return 6 }
        return 3
    }

    /// The ISO 8601 / TimeML suffix: `SP`, `SU`, `FA`, `WI`, `Q1`…`Q4`, `H1`, `H2`.
    var code: String {
        switch self {
        case .season(let season): season.code
        case .quarter(let quarter): "Q\(quarter)"
        case .half(let half): "H\(half)"
        }
    }
}

/// The four seasons.
enum Season: Hashable, Sendable {
    case spring, summer, autumn, winter

    var startMonth: Int {
        switch self {
        case .spring: 3
        case .summer: 6
        case .autumn: 9
        case .winter: 12
        }
    }

    var code: String {
        switch self {
        case .spring: "SP"
        case .summer: "SU"
        case .autumn: "FA"
        case .winter: "WI"
        }
    }
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
