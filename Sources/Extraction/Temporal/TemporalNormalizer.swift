/// Finds temporal expressions and normalises them to ISO values relative to the article date.
///
/// Reads only tokens and sentences (no part-of-speech or entity tags). Handles weekdays,
/// month-days, full dates, months, years, decades and relative expressions ("last week",
/// "two days ago", "in two weeks", "earlier this year"). Tense cues in the sentence decide
/// which way an underspecified expression points ("said … in May" is the last May, "is set
/// to travel … on Nov. 18" the next Nov. 18). Without an article date, relative expressions
/// are kept with a `nil` value; absolute ones still resolve.
///
/// Conventions:
/// * Values keep their granularity: day `2025-11-06`, ISO week `2025-W45`, month `2025-05`,
///   year `1992`, decade `199` ("the 1990s", the ISO 8601 reduced form TimeML uses).
/// * The text excludes context prepositions ("on Thursday" → "Thursday", "since 1992" → "1992")
///   but keeps words that change the meaning: "earlier this year", "late 2023", "in two weeks",
///   "Thursday night", "May 13 next year".
/// * A bare weekday is the article date when it is that weekday, otherwise the nearest one on the
///   side the tense points to; "last Monday" is the latest Monday strictly before the article date,
///   "next Friday" the earliest Friday strictly after it.
/// * A day range ("Nov. 18-19") takes the value of its first day.
/// * "in N days/weeks/…" counts only in a future context (or with "time"); otherwise it is
///   usually a duration ("the first time in two years").
/// * Seasons, quarters and halves take TimeML values: `2025-SP`, `-SU`, `-FA`, `-WI` (northern
///   hemisphere; a winter belongs to the year of its December), `2025-Q3`, `2025-H1`. Named without a
///   year they follow the tense like months ("sales fell in the third quarter" is the last one begun);
///   "this spring" is the article year's, "last summer" the latest one over, "next winter" the next to
///   start. A fiscal quarter and a quarter in a sports story are not dates.
/// * A period ending at the article date ("the past week", "the past three months", "in recent days")
///   takes the calendar unit holding its midpoint: at the unit's granularity for one unit
///   ("the past week" → ISO week of the article date minus 3 days), one coarser for several or a vague
///   number (days → week, weeks → month, months and quarters → year, years → decade). A vague count
///   ("a few days ago", "several weeks ago", "a couple of months ago") counts as 3 units back, reported
///   one granularity coarser ("a few days ago" → ISO week).
/// * Undated articles: a year named in the short lines opening the text (a headline and a dateline,
///   at most two lines of at most 20 tokens) completes the body's partial dates ("Nov. 18", "in May", "in the spring"); what needs a day to
///   count from ("yesterday", "last week") stays `nil`.
public struct TemporalNormalizer: PipelineStage {
    public let name = "dates"
    public let requires: Set<Annotation> = [.tokens, .sentences]
    public let assigns: Set<Annotation> = [.dates]

    /// Creates the normaliser.
    public init() {}

    public func apply(to document: inout Document) throws(ExtractionError) {
        document.dates = TemporalNormalizer.expressions(in: document)
    }

    /// Most tokens a first line may have to count as a headline or dateline.
    static let headlineTokens = 20

    /// The temporal expressions of `document`, in text order.
    static func expressions(in document: Document) -> [DateExpression] {
        let classified = document.tokens.map { TemporalToken($0.text) }
        var found: [(sentence: Int, match: TemporalMatch)] = []
        for (sentenceIndex, sentence) in document.sentences.enumerated() {
            let matcher = TemporalMatcher(tokens: classified, sentence: sentence.tokens)
            for match in matcher.matches() { found.append((sentenceIndex, match)) }
        }
        let headline = document.articleDate == nil ? headlineYear(of: found.map { $0.match }, in: document) : nil
        return found.map { sentenceIndex, match in
            let sentence = document.sentences[sentenceIndex]
            let tense =
                match.reference.usesTense && document.articleDate != nil
                ? TenseDetector.tense(around: match.tokens, in: sentence.tokens, tokens: classified)
                : .unknown
            var value = TemporalResolver.value(of: match.reference, anchor: document.articleDate, tense: tense)
            if value == nil, let headline, match.tokens.lowerBound >= headline.bodyStart {
                value = TemporalResolver.value(of: match.reference, inYear: headline.year)
            }
            let span = TextSpan(
                start: document.tokens[match.tokens.lowerBound].span.start,
                end: document.tokens[match.tokens.upperBound - 1].span.end
            )
            return DateExpression(text: document.text(in: span), span: span, value: value, sentence: sentenceIndex)
        }
    }

    /// The one year the short lines opening the text name (a headline and a dateline: at most two lines
    /// of at most `headlineTokens` tokens each), and the first token after them; `nil` when there are no
    /// such lines or they name no year or several.
    static func headlineYear(of matches: [TemporalMatch], in document: Document) -> (year: Int, bodyStart: Int)? {
        var bodyStart = 0
        var searchFrom = 0
        for _ in 0..<2 {
            guard let newline = document.scalars[searchFrom...].firstIndex(of: "\n") else { break }
            let next = document.tokens[bodyStart...].firstIndex { $0.span.start > newline } ?? document.tokens.count
            guard next - bodyStart <= headlineTokens else { break }
            bodyStart = next
            guard next < document.tokens.count else { break }
            searchFrom = document.tokens[next].span.start
        }
        guard bodyStart > 0 else { return nil }
        var years = Set<Int>()
        for match in matches where match.tokens.lowerBound < bodyStart {
            switch match.reference {
            case .date(let date): years.insert(date.year)
            case .yearMonth(let year, _), .year(let year), .yearPartIn(_, let year): years.insert(year)
            default: break
            }
        }
        guard years.count == 1, let year = years.first else { return nil }
        return (year, bodyStart)
    }
}
