/// What a single lower-cased word can contribute to a temporal expression.
enum TemporalWord: Hashable, Sendable {
    /// A month name (1...12) and how it is written.
    case month(Int, MonthForm)
    /// A weekday (ISO 1...7); abbreviated forms ("Thu.") only count in front of a date.
    case weekday(Int, abbreviated: Bool)
    /// "yesterday" (-1), "today" and "tonight" (0), "tomorrow" (+1).
    case relativeDay(Int)
    /// "week", "months", …
    case unit(TemporalUnit, plural: Bool)
    /// "last", "this", "next".
    case shift(TemporalShift)
    /// A spelled-out count ("a", "two", "twelve").
    case count(Int)
    /// "ago".
    case ago
    /// "early", "late", "earlier", "later": kept as part of the expression they precede.
    case modifier
    /// "morning", "afternoon", "evening", "night".
    case partOfDay
    /// "spring", "summer", "autumn", "fall", "winter".
    case season(Season)
    /// "first" … "fourth", "final" (of a quarter or half).
    case ordinal(Int)
    /// "Q1" … "Q4", "first-quarter" … "fourth-quarter".
    case quarter(Int)
    /// "few", "several", "couple": a vague count.
    case vague
    /// "past", "recent": a period ending now ("the past week", "in recent days").
    case past
}

/// How a month name is written, which decides how much context it needs.
enum MonthForm: Hashable, Sendable {
    /// Unambiguous full name ("November").
    case full
    /// A full name that is also a common word or name ("May", "March", "June", "April", "August").
    case ambiguous
    /// An abbreviation ("Nov.", "Sept"); only counts next to a day or year.
    case abbreviation
}

/// The word tables of the temporal normaliser, built once.
enum TemporalLexicon {
    /// Lower-cased word → its temporal meaning.
    static let words: [String: TemporalWord] = {
        var table: [String: TemporalWord] = [:]
        let months = [
            "january", "february", "march", "april", "may", "june",
            "july", "august", "september", "october", "november", "december",
        ]
        let ambiguousMonths: Set<String> = ["march", "april", "may", "june", "august"]
        for (index, name) in months.enumerated() {
            table[name] = .month(index + 1, ambiguousMonths.contains(name) ? .ambiguous : .full)
        }
        let monthAbbreviations: [(String, Int)] = [
            ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8),
            ("sep", 9), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12),
        ]
        for (abbreviation, month) in monthAbbreviations {
            table[abbreviation] = .month(month, .abbreviation)
            table[abbreviation + "."] = .month(month, .abbreviation)
        }
        let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        for (index, name) in weekdays.enumerated() {
            table[name] = .weekday(index + 1, abbreviated: false)
        }
        let weekdayAbbreviations: [(String, Int)] = [
            ("mon", 1), ("tue", 2), ("tues", 2), ("wed", 3), ("thu", 4), ("thur", 4), ("thurs", 4),
            ("fri", 5), ("sat", 6), ("sun", 7),
        ]
        for (abbreviation, weekday) in weekdayAbbreviations {
            table[abbreviation] = .weekday(weekday, abbreviated: true)
            table[abbreviation + "."] = .weekday(weekday, abbreviated: true)
        }
        let relativeDays = [("yesterday", -1), ("today", 0), ("tonight", 0), ("tomorrow", 1)]
        for (word, offset) in relativeDays {
            table[word] = .relativeDay(offset)
        }
        let units: [(String, TemporalUnit)] = [
            ("day", .day), ("week", .week), ("weekend", .weekend), ("month", .month), ("year", .year),
            ("decade", .decade),
        ]
        for (word, unit) in units {
            table[word] = .unit(unit, plural: false)
            table[word + "s"] = .unit(unit, plural: true)
        }
        table["last"] = .shift(.last)
        table["this"] = .shift(.this)
        table["next"] = .shift(.next)
        let counts = [
            "a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        ]
        for (index, word) in counts.enumerated() {
            table[word] = .count(max(index, 1))
        }
        table["an"] = .count(1)
        table["ago"] = .ago
        for word in ["early", "late", "earlier", "later"] {
            table[word] = .modifier
        }
        for word in ["morning", "afternoon", "evening", "night"] {
            table[word] = .partOfDay
        }
        let seasons: [(String, Season)] = [
            ("spring", .spring), ("summer", .summer), ("autumn", .autumn), ("fall", .autumn), ("winter", .winter),
        ]
        for (word, season) in seasons {
            table[word] = .season(season)
        }
        table["quarter"] = .unit(.quarter, plural: false)
        table["quarters"] = .unit(.quarter, plural: true)
        let ordinals = ["first", "second", "third", "fourth"]
        for (index, word) in ordinals.enumerated() {
            table[word] = .ordinal(index + 1)
            table[word + "-quarter"] = .quarter(index + 1)
            table["q\(index + 1)"] = .quarter(index + 1)
        }
        table["final"] = .ordinal(4)
        for word in ["few", "several", "couple"] {
            table[word] = .vague
        }
        table["past"] = .past
        table["recent"] = .past
        return table
    }()

    /// Words before a bare year or an ambiguous month name that make it a date ("in", "since", …).
    static let datePrepositions: Set<String> = [
        "in", "since", "until", "till", "til", "between", "before", "after", "during", "from", "through", "throughout",
        "by", "circa", "early", "late", "mid", "earlier", "later", "spring", "summer", "autumn", "fall", "winter",
        "fiscal", "around", "due",
    ]

    /// Determiners before a year used as a modifier ("the 2024 election", "its 1995 profit").
    static let yearDeterminers: Set<String> = ["the", "a", "its", "their", "his", "her", "our", "'s", "\u{2019}s"]

    /// Nouns a four-digit number counts rather than dates ("1992 people", "in 1500 cases").
    static let countedNouns: Set<String> = [
        "people", "persons", "men", "women", "children", "troops", "soldiers", "police", "policemen", "officers",
        "workers", "employees", "staff", "votes", "voters", "cases", "dollars", "euros", "pounds", "yen", "tonnes",
        "tons", "barrels", "units", "shares", "km", "kilometres", "kilometers", "miles", "metres", "meters", "feet",
        "hectares", "acres", "deaths", "dead", "jobs", "homes", "houses", "refugees", "prisoners", "students",
        "residents", "members", "seats", "points", "percent", "pct", "cars", "vehicles", "flights", "ships",
        "rounds", "rockets", "missiles", "signatures", "copies", "pages", "words", "times", "hours", "minutes",
    ]

    /// Words between two years or months ("between 2019 and 2021", "April to June").
    static let linkingWords: Set<String> = ["and", "or", "to", "-", "–", "—", "through"]

    /// Lower-case words that may follow a year without turning it into a quantity ("in 2019 the …").
    static let functionWords: Set<String> = [
        "the", "a", "an", "and", "or", "but", "when", "where", "while", "as", "after", "before", "until", "since",
        "that", "which", "who", "to", "for", "with", "in", "on", "at", "by", "of", "from", "it", "he", "she",
        "they", "we", "i", "you", "there", "this", "these", "those", "his", "her", "its", "their", "our", "was",
        "were", "is", "are", "had", "has", "have", "will", "would", "could", "can", "also", "alone", "so",
        "then", "not", "amid", "into", "under", "over", "against", "because", "if", "though", "although",
    ]

    /// Capitalised words in front of "Friday" and co. that make the weekday part of a name ("Man Friday").
    static let weekdayNameHeads: Set<String> = ["man", "girl", "gal", "joe", "sgt.", "sergeant", "bloody"]

    /// Words after a four-digit number that make it a clock time ("1500 GMT").
    static let clockFollowers: Set<String> = [
        "gmt", "utc", "est", "edt", "cet", "cest", "bst", "pst", "pdt", "local", "hours", "hrs", "h", "hgmt",
    ]

    /// Capitalised words after a weekday that make it part of a name ("Sunday Times", "Good Friday Agreement").
    static let weekdayNameTails: Set<String> = [
        "times", "telegraph", "post", "express", "mirror", "mail", "herald", "tribune", "independent", "observer",
        "agreement", "accord", "accords", "school",
    ]

    /// Words in front of "in two years" that make it a duration ("the first time in two years").
    static let durationHeads: Set<String> = [
        "time", "first", "once", "twice", "most", "least", "ever", "only", "times", "record",
    ]
}
