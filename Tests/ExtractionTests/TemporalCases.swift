/// One row of the temporal normalisation table: a sentence, its article date and what should be found.
struct TemporalCase: Sendable, CustomStringConvertible {
    /// Article date `YYYY-MM-DD`, or `nil` for an undated article.
    let articleDate: String?
    /// The text to run the pipeline on.
    let text: String
    /// Expected expressions in text order: (text as written, ISO value or nil).
    let expected: [Found]

    /// One expected expression.
    struct Found: Sendable, Equatable, CustomStringConvertible {
        let text: String
        let value: String?
        var description: String { "\(text) = \(value ?? "nil")" }
    }

    init(_ articleDate: String?, _ text: String, _ expected: [(String, String?)]) {
        self.articleDate = articleDate
        self.text = text
        self.expected = expected.map { Found(text: $0.0, value: $0.1) }
    }

    var description: String { "[\(articleDate ?? "undated")] \(text)" }
}

/// The table. Unless noted, the article date is Thursday 2025-11-06 (ISO week 2025-W45).
enum TemporalCases {
    static let thursday = "2025-11-06"

    /// The sample article's sentences (kazakhstan-abraham-accords, 2025-11-06).
    static let sampleArticle: [TemporalCase] = [
        TemporalCase(thursday, "Kazakhstan President Kassym-Jomart Tokayev is expected to announce that his country will join the Abraham Accords on Thursday night at the White House, a senior administration official confirmed to the Washington Examiner.", [("Thursday night", "2025-11-06")]),
        TemporalCase(thursday, "Kazakhstan has had diplomatic relations with Israel since 1992, and the two countries have not engaged in a significant conflict.", [("1992", "1992")]),
        TemporalCase(thursday, "Tokayev is one of five leaders of Central Asian countries, all of which are majority Muslim, who are set to meet with Trump on Thursday evening.", [("Thursday evening", "2025-11-06")]),
        TemporalCase(thursday, "But the region was forever altered by Hamas’s Oct. 7, 2023, attack in Israel, and Israel’s subsequent wars in Gaza.", [("Oct. 7, 2023", "2023-10-07")]),
        TemporalCase(thursday, "The president said during a trip to Riyadh in May that it’s his “dream” that Saudi Arabia would join the Abraham Accords.", [("May", "2025-05")]),
        TemporalCase(thursday, "Saudi Crown Prince Mohammed bin Salman al Saud is set to travel to Washington on Nov. 18.", [("Nov. 18", "2025-11-18")]),
        TemporalCase(thursday, "This will mark the first time since President Donald Trump’s return to office that a country has joined his landmark foreign policy achievement from his first term.", []),
    ]

    /// Weekdays: tense decides the side, the article date wins when it is that weekday.
    static let weekdays: [TemporalCase] = [
        TemporalCase(thursday, "The minister met his counterpart on Monday.", [("Monday", "2025-11-03")]),
        TemporalCase(thursday, "The minister will meet his counterpart on Monday.", [("Monday", "2025-11-10")]),
        TemporalCase(thursday, "Talks resume on Saturday in Geneva.", [("Saturday", "2025-11-08")]),
        TemporalCase(thursday, "He was likely to return on Saturday to his lodge.", [("Saturday", "2025-11-08")]),
        TemporalCase(thursday, "The match on Tuesday was abandoned due to rain.", [("Tuesday", "2025-11-04")]),
        TemporalCase(thursday, "Officials said on Tuesday that the summit will open on Friday.", [("Tuesday", "2025-11-04"), ("Friday", "2025-11-07")]),
        TemporalCase(thursday, "The ceasefire began on Sunday.", [("Sunday", "2025-11-02")]),
        TemporalCase(thursday, "Thursday’s meeting was tense.", [("Thursday", "2025-11-06")]),
        TemporalCase(thursday, "Last Monday, the ministry announced new rules.", [("Last Monday", "2025-11-03")]),
        TemporalCase(thursday, "The vote is scheduled for next Friday.", [("next Friday", "2025-11-07")]),
        TemporalCase(thursday, "The results will be published this Friday.", [("this Friday", "2025-11-07")]),
        TemporalCase(thursday, "Black Friday sales start next week.", [("Friday", "2025-11-07"), ("next week", "2025-W46")]),
        TemporalCase(thursday, "The leaders will meet Wednesday, Nov. 12, in Geneva.", [("Wednesday, Nov. 12", "2025-11-12")]),
        TemporalCase(thursday, "Posted Thu., Nov. 6, 2025.", [("Thu., Nov. 6, 2025", "2025-11-06")]),
        TemporalCase(thursday, "Rebels attacked the town late Tuesday.", [("late Tuesday", "2025-11-04")]),
        TemporalCase("2025-11-09", "The president spoke on Thursday.", [("Thursday", "2025-11-06")]),
        TemporalCase(thursday, "The ministry spoke last Thursday.", [("last Thursday", "2025-10-30")]),
        TemporalCase(thursday, "The court rules next Thursday.", [("next Thursday", "2025-11-13")]),
        TemporalCase(thursday, "Voting ends early next week.", [("early next week", "2025-W46")]),
        TemporalCase(thursday, "Police were called on Tuesday morning.", [("Tuesday morning", "2025-11-04")]),
        TemporalCase(thursday, "The company said in a statement it would name a successor on Monday.", [("Monday", "2025-11-10")]),
        TemporalCase(thursday, "Officials said Yeltsin, who left for Sochi on Monday, was resting.", [("Monday", "2025-11-03")]),
        TemporalCase("2025-11-09", "The president will speak on Thursday.", [("Thursday", "2025-11-13")]),
    ]

    /// Month-day, year from context.
    static let monthDays: [TemporalCase] = [
        TemporalCase(thursday, "The summit will take place on November 18th.", [("November 18th", "2025-11-18")]),
        TemporalCase(thursday, "The deadline is 18 November.", [("18 November", "2025-11-18")]),
        TemporalCase(thursday, "The ceremony is planned for the 18th of November.", [("18th of November", "2025-11-18")]),
        TemporalCase(thursday, "The talks will resume on Feb. 3.", [("Feb. 3", "2026-02-03")]),
        TemporalCase("2025-12-28", "The new law takes effect on Jan. 3.", [("Jan. 3", "2026-01-03")]),
        TemporalCase("2025-01-10", "The attack on Dec. 28 killed 12 people.", [("Dec. 28", "2024-12-28")]),
        TemporalCase("2025-03-01", "The company reported on Nov. 18 that profits fell.", [("Nov. 18", "2024-11-18")]),
        TemporalCase(thursday, "Protests spread on Oct. 30 across the country.", [("Oct. 30", "2025-10-30")]),
        TemporalCase(thursday, "The minister, in office since Dec. 2, will visit Paris.", [("Dec. 2", "2024-12-02")]),
        TemporalCase("2025-08-29", "The interior ministry banned rallies ahead of elections on November 24.", [("November 24", "2025-11-24")]),
        TemporalCase(thursday, "The summit runs Nov. 18-19 in Riyadh.", [("Nov. 18-19", "2025-11-18")]),
        TemporalCase(thursday, "The tour starts on May 13 next year.", [("May 13 next year", "2026-05-13")]),
        TemporalCase(thursday, "Savings peaked in October last year.", [("October last year", "2024-10")]),
    ]

    /// Full dates.
    static let fullDates: [TemporalCase] = [
        TemporalCase(thursday, "Hamas attacked Israel on 7 October 2023.", [("7 October 2023", "2023-10-07")]),
        TemporalCase(thursday, "The report is dated 2023-10-07.", [("2023-10-07", "2023-10-07")]),
        TemporalCase(thursday, "It happened on October 7th, 2023, at dawn.", [("October 7th, 2023", "2023-10-07")]),
        TemporalCase(thursday, "The form was signed on 10/07/2023 in Boston.", [("10/07/2023", "2023-10-07")]),
        TemporalCase(thursday, "The attacks of Sept. 11, 2001, changed everything.", [("Sept. 11, 2001", "2001-09-11")]),
        TemporalCase(nil, "Hamas attacked Israel on Oct. 7, 2023.", [("Oct. 7, 2023", "2023-10-07")]),
    ]

    /// Months, years and decades.
    static let monthsAndYears: [TemporalCase] = [
        TemporalCase(thursday, "The elections will be held in May.", [("May", "2026-05")]),
        TemporalCase(thursday, "Parliament approved the bill in March.", [("March", "2025-03")]),
        TemporalCase(thursday, "Prices rose sharply in May 2024.", [("May 2024", "2024-05")]),
        TemporalCase(thursday, "January’s figures were weak.", [("January", "2025-01")]),
        TemporalCase("2025-02-10", "The summit will be held in October.", [("October", "2025-10")]),
        TemporalCase("2025-02-10", "The summit was held in October.", [("October", "2024-10")]),
        TemporalCase(thursday, "Talks stalled in mid-May.", [("mid-May", "2025-05")]),
        TemporalCase("2025-08-23", "The leaders had agreed to meet in September.", [("September", "2025-09")]),
        TemporalCase("2025-08-23", "Exports fell sharply in October.", [("October", "2024-10")]),
        TemporalCase("2025-08-23", "Crude for September delivery fell.", [("September", "2025-09")]),
        TemporalCase("2025-08-23", "Prices have risen since September.", [("September", "2024-09")]),
        TemporalCase("2025-08-29", "A referendum was planned for January.", [("January", "2026-01")]),
        TemporalCase(thursday, "The strike ended last May.", [("last May", "2025-05")]),
        TemporalCase("2025-03-01", "The strike ended last May.", [("last May", "2024-05")]),
        TemporalCase(thursday, "The country became independent in 1991.", [("1991", "1991")]),
        TemporalCase(thursday, "The economy boomed in the 1990s.", [("1990s", "199")]),
        TemporalCase(thursday, "The economy boomed in the 1990's.", [("1990's", "199")]),
        TemporalCase(thursday, "Rates should fall by mid-2026.", [("mid-2026", "2026")]),
        TemporalCase(thursday, "Construction began in late 2023.", [("late 2023", "2023")]),
        TemporalCase(thursday, "Output fell between 2019 and 2021.", [("2019", "2019"), ("2021", "2021")]),
        TemporalCase(thursday, "The plan runs until the end of 2030.", [("2030", "2030")]),
        TemporalCase(thursday, "In 2019 the company moved to Austin.", [("2019", "2019")]),
        TemporalCase(thursday, "Exports fell last year.", [("last year", "2024")]),
        TemporalCase(thursday, "Growth will slow this year.", [("this year", "2025")]),
        TemporalCase(thursday, "Inflation peaked earlier this year.", [("earlier this year", "2025")]),
        TemporalCase(thursday, "The plant will open next year.", [("next year", "2026")]),
        TemporalCase(nil, "Relations have been stable since 1992.", [("1992", "1992")]),
        TemporalCase(thursday, "Syria has held talks with Israel since 1991 without a breakthrough.", [("1991", "1991")]),
        TemporalCase(thursday, "Voters are weary after the 2024 election.", [("2024", "2024")]),
        TemporalCase(thursday, "Tickets for the 1998 World Cup sold out.", [("1998", "1998")]),
        TemporalCase(thursday, "The bond due 2031 fell.", [("2031", "2031")]),
        TemporalCase(thursday, "Savings held steady in both June and July.", [("June", "2025-06"), ("July", "2025-07")]),
        TemporalCase(thursday, "Michigan’s August index of sentiment rose.", [("August", "2025-08")]),
    ]

    /// Relative expressions.
    static let relative: [TemporalCase] = [
        TemporalCase(thursday, "He arrived yesterday.", [("yesterday", "2025-11-05")]),
        TemporalCase(thursday, "The court rules today.", [("today", "2025-11-06")]),
        TemporalCase(thursday, "The results come out tomorrow.", [("tomorrow", "2025-11-07")]),
        TemporalCase(thursday, "He will speak tonight.", [("tonight", "2025-11-06")]),
        TemporalCase(thursday, "Shelling resumed last night.", [("last night", "2025-11-05")]),
        TemporalCase(thursday, "Troops crossed the border yesterday morning.", [("yesterday morning", "2025-11-05")]),
        TemporalCase(thursday, "The ministers met last week.", [("last week", "2025-W44")]),
        TemporalCase(thursday, "The ministers meet this week.", [("this week", "2025-W45")]),
        TemporalCase(thursday, "Talks continue this weekend.", [("this weekend", "2025-W45")]),
        TemporalCase(thursday, "Prices will rise next month.", [("next month", "2025-12")]),
        TemporalCase(thursday, "Sales slowed this month.", [("this month", "2025-11")]),
        TemporalCase(thursday, "The ship sank two days ago.", [("two days ago", "2025-11-04")]),
        TemporalCase(thursday, "The fighting began three weeks ago.", [("three weeks ago", "2025-W42")]),
        TemporalCase(thursday, "The law passed a year ago.", [("a year ago", "2024")]),
        TemporalCase(thursday, "The report will be released in two weeks.", [("in two weeks", "2025-W47")]),
        TemporalCase(thursday, "The rover lands in 10 days’ time.", [("in 10 days’ time", "2025-11-16")]),
        TemporalCase("2025-12-29", "They met last week and meet again next week.", [("last week", "2025-W52"), ("next week", "2026-W02")]),
        TemporalCase("2025-12-29", "Markets are calm this week.", [("this week", "2026-W01")]),
        TemporalCase("2025-12-15", "The law takes effect next month.", [("next month", "2026-01")]),
        TemporalCase(nil, "He arrived yesterday.", [("yesterday", nil)]),
        TemporalCase(nil, "The leaders meet on Thursday.", [("Thursday", nil)]),
        TemporalCase(nil, "The talks will resume on Feb. 3.", [("Feb. 3", nil)]),
        TemporalCase(nil, "The ministers met last week.", [("last week", nil)]),
    ]

    /// Words that look like dates but are not.
    static let negatives: [TemporalCase] = [
        TemporalCase(thursday, "It may rain tomorrow.", [("tomorrow", "2025-11-07")]),
        TemporalCase(thursday, "May I ask a question?", []),
        TemporalCase(thursday, "Theresa May said the march was peaceful.", []),
        TemporalCase(thursday, "The March on Washington drew huge crowds.", []),
        TemporalCase(thursday, "Protesters will march on the capital.", []),
        TemporalCase(thursday, "The town has 2,023 residents.", []),
        TemporalCase(thursday, "Officials counted 1992 people at the rally.", []),
        TemporalCase(thursday, "A total of 2023 votes were cast.", []),
        TemporalCase(thursday, "The 2000 people at the rally dispersed.", []),
        TemporalCase(thursday, "The army has been at war for 2000 years.", []),
        TemporalCase(thursday, "The deal was worth 2023 million dollars.", []),
        TemporalCase(thursday, "The Sun reported the story first.", []),
        TemporalCase(thursday, "USA Today reported the story first.", []),
        TemporalCase(thursday, "Man Friday is a character in the novel.", []),
        TemporalCase(thursday, "The Sunday Times reported the story first.", []),
        TemporalCase(thursday, "The Sun, Nov. 9 edition, led with the story.", [("Nov. 9", "2025-11-09")]),
        TemporalCase(thursday, "He finished second in the race.", []),
        TemporalCase(thursday, "It was the first time in two years that prices fell.", []),
        TemporalCase(thursday, "The payment is due on Feb. 30.", []),
        TemporalCase(thursday, "Room 1204 is on the left.", []),
        TemporalCase(thursday, "The truce took effect at 1500 GMT.", []),
        TemporalCase(thursday, "In four days it is hard to reach a conclusion.", []),
    ]

    /// Seasons (northern hemisphere; a winter belongs to the year of its December), TimeML values.
    static let seasons: [TemporalCase] = [
        TemporalCase(thursday, "Sales rose this spring.", [("this spring", "2025-SP")]),
        TemporalCase(thursday, "The drought hit last summer.", [("last summer", "2025-SU")]),
        TemporalCase("2025-07-10", "The drought hit last summer.", [("last summer", "2024-SU")]),
        TemporalCase(thursday, "Talks will resume next spring.", [("next spring", "2026-SP")]),
        TemporalCase(thursday, "Fuel will be scarce this winter.", [("this winter", "2025-WI")]),
        TemporalCase("2026-01-15", "Heating costs soared this winter.", [("this winter", "2025-WI")]),
        TemporalCase(thursday, "Last winter was mild.", [("Last winter", "2024-WI")]),
        TemporalCase(thursday, "The war began in the spring of 2022.", [("spring of 2022", "2022-SP")]),
        TemporalCase(thursday, "Elections are due in fall 2026.", [("fall 2026", "2026-FA")]),
        TemporalCase(thursday, "Prices fell this fall.", [("this fall", "2025-FA")]),
        TemporalCase(thursday, "The protests began in the summer.", [("summer", "2025-SU")]),
        TemporalCase(thursday, "The bridge will open in the spring.", [("spring", "2026-SP")]),
        TemporalCase(thursday, "Fighting eased in early summer.", [("early summer", "2025-SU")]),
        TemporalCase(nil, "Sales rose this spring.", [("this spring", nil)]),
        TemporalCase(thursday, "Prices may fall further.", []),
        TemporalCase(thursday, "The Arab Spring toppled rulers.", []),
        TemporalCase(thursday, "The fall of the city shocked allies.", []),
    ]

    /// Quarters and halves, TimeML values; fiscal quarters and periods of play are not dates.
    static let quarters: [TemporalCase] = [
        TemporalCase(thursday, "Profits fell in the third quarter.", [("third quarter", "2025-Q3")]),
        TemporalCase(thursday, "Revenue rose 5% in Q3 2024.", [("Q3 2024", "2024-Q3")]),
        TemporalCase(thursday, "Margins improved in Q3.", [("Q3", "2025-Q3")]),
        TemporalCase(thursday, "Sales will recover in the first quarter.", [("first quarter", "2026-Q1")]),
        TemporalCase(thursday, "Growth slowed in the fourth quarter of last year.", [("fourth quarter of last year", "2024-Q4")]),
        TemporalCase(thursday, "Output grew in the second quarter of 2023.", [("second quarter of 2023", "2023-Q2")]),
        TemporalCase(thursday, "The company posted a third-quarter loss.", [("third-quarter", "2025-Q3")]),
        TemporalCase(thursday, "Output fell last quarter.", [("last quarter", "2025-Q3")]),
        TemporalCase(thursday, "Orders will pick up next quarter.", [("next quarter", "2026-Q1")]),
        TemporalCase(thursday, "Sales are flat this quarter.", [("this quarter", "2025-Q4")]),
        TemporalCase(thursday, "Deliveries rose in the first half of 2024.", [("first half of 2024", "2024-H1")]),
        TemporalCase(thursday, "Debt grew in the second half of last year.", [("second half of last year", "2024-H2")]),
        TemporalCase(thursday, "He scored twice in the third quarter.", []),
        TemporalCase(thursday, "The firm reported fiscal third quarter results.", []),
        TemporalCase(thursday, "A quarter of the population is poor.", []),
        TemporalCase(thursday, "Audi unveiled the new Q3 in Munich.", []),
    ]

    /// Periods ending at the article date and vague counts: the calendar unit of the midpoint (or of
    /// the point three units back), one granularity coarser for several or a vague number.
    static let periods: [TemporalCase] = [
        TemporalCase(thursday, "Over the past week, prices rose.", [("past week", "2025-W45")]),
        TemporalCase("2025-11-10", "Over the past week, prices rose.", [("past week", "2025-W45")]),
        TemporalCase(thursday, "Shelling intensified in recent days.", [("recent days", "2025-W45")]),
        TemporalCase(thursday, "Prices have doubled over the past three months.", [("past three months", "2025")]),
        TemporalCase(thursday, "The ministry has been silent for the past few days.", [("past few days", "2025-W45")]),
        TemporalCase(thursday, "Rates fell sharply in the last two weeks.", [("last two weeks", "2025-10")]),
        TemporalCase(thursday, "Inflation has eased over the past year.", [("past year", "2025")]),
        TemporalCase(thursday, "Sales grew over the past month.", [("past month", "2025-10")]),
        TemporalCase(thursday, "The rebels advanced a few days ago.", [("a few days ago", "2025-W45")]),
        TemporalCase(thursday, "The talks collapsed several weeks ago.", [("several weeks ago", "2025-10")]),
        TemporalCase(thursday, "The deal was struck a couple of months ago.", [("a couple of months ago", "2025")]),
        TemporalCase(thursday, "The firm was founded a few years ago.", [("a few years ago", "202")]),
        TemporalCase(thursday, "Tensions rose earlier this month.", [("earlier this month", "2025-11")]),
        TemporalCase(thursday, "Fighting flared later this week.", [("later this week", "2025-W45")]),
        TemporalCase(thursday, "The last week of October was quiet.", [("October", "2025-10")]),
        TemporalCase(nil, "Prices rose over the past week.", [("past week", nil)]),
        TemporalCase(nil, "The rebels advanced a few days ago.", [("a few days ago", nil)]),
    ]

    /// Undated articles: a year in a short first line completes the body's partial dates.
    static let headlines: [TemporalCase] = [
        TemporalCase(nil, "Budget talks, March 2024\n\nThe vote is set for May 3.", [("March 2024", "2024-03"), ("May 3", "2024-05-03")]),
        TemporalCase(nil, "Summit diary 2019\n\nLeaders met in June and agreed on trade.", [("2019", "2019"), ("June", "2019-06")]),
        TemporalCase(nil, "Summit diary 2019\n\nLeaders will meet again in the spring.", [("2019", "2019"), ("spring", "2019-SP")]),
        TemporalCase(nil, "Summit diary 2019\n\nLeaders met yesterday.", [("2019", "2019"), ("yesterday", nil)]),
        TemporalCase(nil, "From 2019 to 2021\n\nTalks resume on Nov. 18.", [("2019", "2019"), ("2021", "2021"), ("Nov. 18", nil)]),
        TemporalCase(thursday, "Summit diary 2019\n\nThe summit is on Nov. 18.", [("2019", "2019"), ("Nov. 18", "2025-11-18")]),
        TemporalCase(nil, "SOCCER - LATE GOAL WINS IT\n\nLONDON 1996-08-30\n\nThe replay is on Sept. 4.", [("1996-08-30", "1996-08-30"), ("Sept. 4", "1996-09-04")]),
        TemporalCase(nil, "Leaders met in 2019 to talk about trade and many other things that matter a great deal to them all.\n\nThey meet again on Nov. 18.", [("2019", "2019"), ("Nov. 18", nil)]),
    ]

    /// Every row.
    static let all: [TemporalCase] =
        sampleArticle + weekdays + monthDays + fullDates + monthsAndYears + relative + negatives + seasons + quarters
        + periods + headlines
}
