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
public struct TemporalNormalizer: PipelineStage {
    public let name = "dates"
    public let requires: Set<Annotation> = [.tokens, .sentences]
    public let assigns: Set<Annotation> = [.dates]

    /// Creates the normaliser.
    public init() {}

    public func apply(to document: inout Document) throws(ExtractionError) {
        document.dates = TemporalNormalizer.expressions(in: document)
    }

    /// The temporal expressions of `document`, in text order.
    static func expressions(in document: Document) -> [DateExpression] {
        let classified = document.tokens.map { TemporalToken($0.text) }
        var expressions: [DateExpression] = []
        for (sentenceIndex, sentence) in document.sentences.enumerated() {
            let matcher = TemporalMatcher(tokens: classified, sentence: sentence.tokens)
            for match in matcher.matches() {
                let tense =
                    match.reference.usesTense && document.articleDate != nil
                    ? TenseDetector.tense(around: match.tokens, in: sentence.tokens, tokens: classified)
                    : .unknown
                let value = TemporalResolver.value(of: match.reference, anchor: document.articleDate, tense: tense)
                let span = TextSpan(
                    start: document.tokens[match.tokens.lowerBound].span.start,
                    end: document.tokens[match.tokens.upperBound - 1].span.end
                )
                expressions.append(
                    DateExpression(text: document.text(in: span), span: span, value: value, sentence: sentenceIndex)
                )
            }
        }
        return expressions
    }
}
