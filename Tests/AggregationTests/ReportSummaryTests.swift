import Testing

@testable import Aggregation

@Suite("ReportSummary")
struct ReportSummaryTests {
    static let texts = [
        "A short sentence.",
        "Line one.\nLine two.\r\nLine three.\n\n",
        "\n\nLeading and trailing breaks\r\r",
        String(repeating: "word ", count: 60),
        String(repeating: "x", count: 40),
        String(repeating: "x", count: 41),
        "Tab\tand form\u{0C}feed and vertical\u{0B}tab",
        "Kassym-Jomart Tokayev said “yes” — twice.\nThen left.",
        "Ünïcödé name\u{2028}with a line separator",
        "",
        "\n",
    ]

    @Test("ASCII text is shortened on bytes exactly as on Characters", arguments: [1, 2, 10, 40, 41, 240])
    func sameAsCharacters(limit: Int) {
        for text in Self.texts {
            #expect(
                ReportSummary.shorten(text, to: limit) == ReportSummary.shortenCharacters(text, to: limit),
                "\(text.debugDescription) to \(limit)")
        }
    }

    @Test("breaks become one space each run, the ends lose theirs, and long text ends in an ellipsis")
    func shape() {
        #expect(ReportSummary.shorten("a\n\nb\r\nc\n", to: 80) == "a b c")
        #expect(ReportSummary.shorten("abcdef", to: 4) == "abc\u{2026}")
        #expect(ReportSummary.shorten("abcd", to: 4) == "abcd")
    }
}

@Suite("HTMLText")
struct HTMLTextTests {
    @Test("the five special characters become entities, other controls U+FFFD, the rest is kept")
    func escape() {
        #expect(HTMLText.escape("plain text, nothing to do") == "plain text, nothing to do")
        #expect(
            HTMLText.escape("Tom's \"A&B\" <b>—</b>\tok\r\n")
                == "Tom&#39;s &quot;A&amp;B&quot; &lt;b&gt;—&lt;/b&gt;\tok\r\n")
        #expect(HTMLText.escape("bell\u{07}é’<") == "bell\u{FFFD}é’&lt;")
        #expect(HTMLText.escape("Ünïcödé & 東京") == "Ünïcödé &amp; 東京")
    }

    @Test("entities rank by mentions, ties in first-mention order, filtered by type and cut at the limit")
    func ranking() {
        let entities = [("A", "PERSON", 2), ("B", "LOCATION", 5), ("C", "PERSON", 5), ("D", "PERSON", 2), ("E", "PERSON", 9)]
            .map { Report.EntityEntry(id: $0.0, name: $0.0, type: $0.1, country: nil, mentions: $0.2, articles: []) }
        #expect(ReportSummary.ranked(entities, limit: 10).map(\.id) == ["E", "B", "C", "A", "D"])
        #expect(ReportSummary.ranked(entities, limit: 2).map(\.id) == ["E", "B"])
        #expect(ReportSummary.top(entities, type: "PERSON", limit: 3).map(\.id) == ["E", "C", "A"])
        #expect(ReportSummary.top(entities, type: "MISC", limit: 3).isEmpty)
    }
}
