import Testing

@testable import Extraction

@Suite("TemporalNormalizer robustness")
struct TemporalRobustnessTests {
    /// Words that start or continue temporal patterns, plus punctuation and noise.
    static let vocabulary = [
        "on", "in", "since", "the", "last", "next", "this", "early", "late", "earlier", "May", "may", "March",
        "Nov.", "Sept", "Thu.", "Sun", "Thursday", "night", "morning", "18", "18th", "18-19", "2023", "1990s",
        "1990", "'s", "of", "two", "a", "days", "week", "weekend", "year", "ago", "mid-May", "mid-", "10/07",
        "/", "2023-10-07", "2023-02-30", ",", ".", "will", "said", "was", "met", "yesterday", "Today", "USA",
        "Feb.", "29", "31", "0", "99999999999", "’s", "time", "’", "--", "1500", "GMT", "and", "between",
    ]

    @Test("random token soup never traps, spans stay valid and never overlap", arguments: [1, 2, 3, 4, 5])
    func soup(seed: UInt64) throws {
        var state = seed &* 0x9E37_79B9_7F4A_7C15
        var words: [String] = []
        for _ in 0..<3000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            words.append(Self.vocabulary[Int((state >> 33) % UInt64(Self.vocabulary.count))])
        }
        let text = words.joined(separator: " ")
        for articleDate in ["2024-02-29", "2025-12-31", nil] {
            let document = try TemporalNormalizerTests.normalize(text, articleDate: articleDate)
            #expect(!document.dates.isEmpty)
            for (earlier, later) in zip(document.dates, document.dates.dropFirst()) {
                #expect(earlier.span.end <= later.span.start)
            }
            for expression in document.dates {
                #expect(document.text(in: expression.span) == expression.text)
            }
        }
    }

    @Test("February 29th goes to the nearest leap year on the tense's side")
    func leapDay() throws {
        let anchor = try #require(CalendarDate(iso: "2025-03-10"))
        #expect(TemporalResolver.monthDay(month: 2, day: 29, anchor: anchor, tense: .past)?.description == "2024-02-29")
        #expect(
            TemporalResolver.monthDay(month: 2, day: 29, anchor: anchor, tense: .future)?.description == "2028-02-29")
    }
}
