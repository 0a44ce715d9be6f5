import Testing

@testable import Extraction

@Suite("TemporalNormalizer")
struct TemporalNormalizerTests {
    /// Runs tokenizer, sentence splitter and the normaliser over `text`.
    static func normalize(_ text: String, articleDate: String?) throws -> Document {
        var document = Document(text: text, articleDate: articleDate.flatMap { CalendarDate(iso: $0) })
        document.tokens = Tokenizer.tokenize(document.scalars)
        document.sentences = SentenceSplitter.split(document.tokens, scalars: document.scalars)
        try TemporalNormalizer().apply(to: &document)
        return document
    }

    @Test("normalises expressions in sentences", arguments: TemporalCases.all)
    func table(_ row: TemporalCase) throws {
        let document = try Self.normalize(row.text, articleDate: row.articleDate)
        let found = document.dates.map { TemporalCase.Found(text: $0.text, value: $0.value) }
        #expect(found == row.expected)
        for expression in document.dates {
            #expect(document.text(in: expression.span) == expression.text)
            let sentence = document.sentences[expression.sentence].span
            #expect(sentence.start <= expression.span.start && expression.span.end <= sentence.end)
        }
    }

    @Test("the table covers at least 60 rows")
    func tableSize() {
        #expect(TemporalCases.all.count >= 60)
    }

    @Test("expressions never overlap and come in text order")
    func noOverlaps() throws {
        let text = TemporalCases.all.map(\.text).joined(separator: " ")
        let document = try Self.normalize(text, articleDate: TemporalCases.thursday)
        for (earlier, later) in zip(document.dates, document.dates.dropFirst()) {
            #expect(earlier.span.end <= later.span.start)
            #expect(earlier.sentence <= later.sentence)
        }
        #expect(document.dates.count > 60)
    }

    @Test("a pipeline accepts the normaliser after the tokenizer and sentence splitter")
    func pipelineOrder() throws {
        let pipeline = try Pipeline(stages: [Tokenizer(), SentenceSplitter(), TemporalNormalizer()])
        let document = try pipeline.run(
            id: "a", text: "They met on Monday.", articleDate: CalendarDate(iso: "2025-11-06"))
        #expect(document.dates.map(\.value) == ["2025-11-03"])
        #expect(throws: ExtractionError.missingRequirement(stage: "dates", requires: "sentences")) {
            try Pipeline(stages: [Tokenizer(), TemporalNormalizer()])
        }
    }

    @Test("a sentence's date value is its most specific resolved expression")
    func sentenceDateValue() throws {
        let text =
            "In 2024, he met her on Monday in May. Nothing here. Later that year. She left yesterday or last week."
        let document = try Self.normalize(text, articleDate: TemporalCases.thursday)
        #expect(document.dateValue(forSentence: 0) == "2025-11-03")
        #expect(document.dateValue(forSentence: 1) == nil)
        #expect(document.dateValue(forSentence: 3) == "2025-11-05")
        #expect(document.dateValue(forSentence: 99) == nil)
        let undated = try Self.normalize("She left yesterday, in 1992.", articleDate: nil)
        #expect(undated.dateValue(forSentence: 0) == "1992")
    }
}
