import Testing

@testable import Extraction

/// The load and matching shortcuts give what the plain definitions give.
@Suite("Fast paths of table loading and pattern matching")
struct EventMatcherFastPathTests {
    /// The old definition: `Character` split on LF / CR LF, then on tabs.
    static func plainRows(_ text: String) -> [[Substring]] {
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
    }

    @Test(
        "TSV cuts bytes as the Character split does",
        arguments: [
            "a\tb\n1\t2\n", "a\tb\r\n1\t\r\n\r\n\n3\t4", "h\n\t\t\n", "h\nx\r\r\ny\rz\n", "h\ncafé\tÅland\u{301}\t\n",
            "", "\n\n", "only header", "h\n\u{2019}s\t\u{1F1FA}\u{1F1F8}\r\n",
        ])
    func tsvMatchesCharacterSplit(text: String) {
        let table = TSV(text)
        let plain = EventMatcherFastPathTests.plainRows(text)
        #expect(table.columns == (plain.first ?? []))
        #expect(table.rows == Array(plain.dropFirst()))
    }

    @Test("The word filter never reports a present word absent")
    func filterHasNoFalseNegatives() {
        let words = (0..<200).map { "WORD\($0)" }
        let stems = words.map { [WordHash.of($0)] }
        let filter = WordFilter(stems, window: 50..<120)
        for (position, word) in words.enumerated() where (50..<120).contains(position) {
            #expect(filter.mayContain(WordHash.of(word)))
        }
        // A quick reject only: it must turn some absent words away (how many depends on the hash's top bits).
        let absent = words[0..<50].filter { filter.mayContain(WordHash.of($0)) }
        #expect(absent.count < 50)
        #expect(!WordFilter(stems, window: 0..<0).mayContainAny(stems.flatMap { $0 }))
    }

    @Test("Upper-casing with and without typographic apostrophes")
    func normalize() {
        #expect(SentenceView.normalize("Hamas\u{2019}s") == "HAMAS'S")
        #expect(SentenceView.normalize("\u{2018}quoted\u{2019}") == "'QUOTED'")
        #expect(SentenceView.normalize("straße — tschüss") == "STRASSE — TSCHÜSS")
    }
}
