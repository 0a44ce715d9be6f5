import ExtractionModels
import Foundation
import Testing

@testable import Extraction

/// The integer tagging path of models read from files (exact sums, per-form cached rows, batched
/// lookups) against the plain float path, key by key: same keys, so the same tags.
@Suite("Tagger integer path")
struct TaggerQuantizedTests {
    /// Sentences of the sample article, tokenised as the pipeline does (repeated words included).
    static func sampleSentences() throws -> [[String]] {
        let text = try String(contentsOf: EntitySampleArticleTests.samplePath, encoding: .utf8)
        var document = Document(text: text, articleDate: nil)
        try Tokenizer().apply(to: &document)
        try SentenceSplitter().apply(to: &document)
        let sentences = document.sentences.map { sentence in
            sentence.tokens.map { TokenNormalizer.conllForm(document.tokens[$0].text) }
        }
        // Headline-like, one-token and boundary-heavy sentences too.
        return sentences + [["WORLD", "NEWS", "IN", "BRIEF"], ["Hello"], ["(", "Reuters", ")", "-", "1996-08-22"]]
    }

    @Test("the shipped part-of-speech model tags a document as its float path does")
    func partOfSpeech() throws {
        let model = try ExtractionModels.loadPartOfSpeechModel()
        #expect(model.quantized != nil)
        let sentences = try Self.sampleSentences()
        let fast = model.tag(document: sentences)
        let reference = sentences.map { model.tag(TaggingSentence($0)) }
        #expect(fast == reference)
        #expect(model.tag(sentence: sentences[0]) == reference[0])
    }

    @Test("the shipped entity model tags a document as its float path does")
    func entities() throws {
        let model = try ExtractionModels.loadEntityModel()
        let quantized = try #require(model.quantized)
        let secondPass = try #require(model.secondPass)
        let sentences = try Self.sampleSentences()
        let fast = model.tagBILOU(quantized: quantized, document: sentences, secondPass: secondPass)
        let reference = model.tagBILOU(sentences: sentences.map(TaggingSentence.init))
        #expect(fast == reference)
        #expect(fast.flatMap { $0 }.contains { $0 != "O" })
    }

    @Test("form ids: equal words share an id, different words do not, over many forms")
    func forms() {
        let words = (0..<1_000).map { "w\($0 % 700)" } + ["Straße", "Strasse", "", "é", "e\u{301}"]
        let forms = TokenForms([words])
        #expect(forms.count == 705)
        let ids = forms.sentences[0]
        for (index, word) in words.enumerated() {
            #expect(forms.words[Int(ids[index])] == word)
        }
    }

    @Test("the pattern filter's bit groups reject exactly as the per-term checks do")
    func bitGroups() {
        let words = (0..<120).map { "WORD\($0)" }
        let stems = words.map { [WordHash.of($0)] }
        let filter = WordFilter(stems, window: 30..<60)
        let terms = (0..<40).map { PatternTerm(alternatives: [[words[($0 * 7) % 120]], [words[($0 * 13) % 120]]]) }
        for index in 0..<(terms.count - 2) {
            let elements: [PatternElement] = [.noun(terms[index]), .prepositional(terms[index + 1], [terms[index + 2]])]
            let pattern = VerbPattern(before: elements, after: [], codes: EventCodePair(forward: "010", reverse: nil))
            let expected = [terms[index], terms[index + 1], terms[index + 2]].allSatisfy {
                filter.mayContainAny($0.headHashes)
            }
            #expect(filter.withWords { WordFilter.mayContainAll(pattern.beforeBits, words: $0) } == expected)
        }
    }
}
