import ExtractionModels
import Foundation
import Testing

@testable import Extraction

@Suite("Tagger shipped models")
struct TaggerShippedModelTests {
    private static let sentence =
        "Kazakhstan President Kassym-Jomart Tokayev met Donald Trump at the White House ."

    @Test("the shipped entity model loads and tags the reference sentence sensibly")
    func entities() throws {
        let model = try ExtractionModels.loadEntityModel()
        let tokens = Self.sentence.split(separator: " ").map(String.init)
        let tags = try #require(model.tag(document: [tokens]).first)
        let spans = TagScheme.spans(tags).map { span in
            (span.tokens.map { tokens[$0] }.joined(separator: " "), span.label)
        }
        #expect(spans.contains { $0 == ("Kazakhstan", "LOC") })
        #expect(spans.contains { $0 == ("Kassym-Jomart Tokayev", "PER") })
        #expect(spans.contains { $0 == ("Donald Trump", "PER") })
        #expect(spans.contains { $0.0 == "White House" && ($0.1 == "LOC" || $0.1 == "ORG") })
        #expect(tags[tokens.firstIndex(of: "met") ?? 0] == "O")
    }

    @Test("the tagging stages fill in tags, parts of speech and mentions of raw text")
    func pipeline() throws {
        let pipeline = try Pipeline(stages: [
            Tokenizer(), SentenceSplitter(), try ExtractionModels.loadPOSTagger(), try ExtractionModels.loadNERTagger(),
        ])
        let text = "Kazakhstan President Kassym-Jomart Tokayev met Donald Trump at the White House. "
            + "Tokayev’s visit ended."
        let document = try pipeline.run(id: "test", text: text, articleDate: nil)
        let mentions = document.mentions.map { ($0.text, $0.type) }
        #expect(mentions.contains { $0 == ("Kassym-Jomart Tokayev", .person) })
        #expect(mentions.contains { $0 == ("Donald Trump", .person) })
        #expect(mentions.contains { $0 == ("Kazakhstan", .location) })
        #expect(mentions.contains { $0 == ("Tokayev", .person) })
        for mention in document.mentions {
            #expect(document.text(in: mention.span) == mention.text)
            #expect(document.tokens[mention.tokens.lowerBound].entityTag.hasPrefix("B-"))
        }
        let met = try #require(document.tokens.first { $0.text == "met" })
        #expect(met.partOfSpeech == "VBD")
        #expect(document.tokens.allSatisfy { !$0.partOfSpeech.isEmpty })
    }

    @Test("tag --conll output matches the golden file")
    func conllSnapshot() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
        let input = try String(contentsOf: directory.appendingPathComponent("tag-conll.input.txt"), encoding: .utf8)
        let expectedURL = directory.appendingPathComponent("tag-conll.expected.txt")
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        let output = CoNLLTagging.tag(input, model: try ExtractionModels.loadEntityModel())
        #expect(output == expected)
        #expect(output.split(separator: "\n", omittingEmptySubsequences: false).count
            == input.split(separator: "\n", omittingEmptySubsequences: false).count)
    }
}
