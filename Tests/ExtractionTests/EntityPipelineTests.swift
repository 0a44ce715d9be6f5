import Foundation
import Testing

@testable import Extraction
@testable import ExtractionModels

/// The canonicaliser inside a pipeline, and the standard pipeline the CLI runs.
@Suite("Entities in the pipeline")
struct EntityPipelineTests {
    /// Test-only stage standing in for the tagger: marks the given phrases as mentions.
    struct MarkedMentions: PipelineStage {
        let name = "marked-mentions"
        let requires: Set<Annotation> = [.tokens, .sentences]
        let assigns: Set<Annotation> = [.mentions]
        let marks: [(String, EntityType)]

        func apply(to document: inout Document) throws(ExtractionError) {
            document.mentions = EntityTestSupport.document(document.text, marking: marks).mentions
        }
    }

    @Test("the canonicaliser needs mentions from an earlier stage")
    func requiresMentions() {
        #expect(throws: ExtractionError.missingRequirement(stage: "entities", requires: "mentions")) {
            try Pipeline(stages: [Tokenizer(), SentenceSplitter(), EntityCanonicalizer(tables: .empty)])
        }
    }

    @Test("offsets in the JSON point at the mention text")
    func offsets() throws {
        let marks: [(String, EntityType)] = [
            ("U.S.", .location), ("Tokayev", .person), ("Kassym-Jomart Tokayev", .person),
        ]
        let pipeline = try Pipeline(stages: [
            Tokenizer(), SentenceSplitter(), MarkedMentions(marks: marks),
            EntityCanonicalizer(tables: EntityTestSupport.tables),
        ])
        let text = "Kassym-Jomart Tokayev visited the “U.S.” on Thursday. Tokayev’s trip ended."
        let document = try pipeline.run(id: "t", text: text, articleDate: CalendarDate(iso: "2025-11-06"))
        let json = DocumentJSON.render(document, article: ArticleMetadata(id: "t", title: nil, date: nil, source: nil))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let entities = try #require(object["entities"] as? [[String: Any]])
        #expect(entities.compactMap { $0["name"] as? String } == ["Kassym-Jomart Tokayev", "United States"])
        let scalars = Array(text.unicodeScalars)
        for entity in entities {
            for mention in try #require(entity["mentions"] as? [[String: Any]]) {
                let start = try #require(mention["start"] as? Int)
                let end = try #require(mention["end"] as? Int)
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[start..<end])
                #expect(String(view) == mention["text"] as? String)
            }
        }
    }

    @Test("the standard pipeline runs on the sample article")
    func standardPipeline() throws {
        let pipeline = try ShippedPipeline.get()
        let text = try String(contentsOf: EntitySampleArticleTests.samplePath, encoding: .utf8)
        let document = try pipeline.run(id: "sample", text: text, articleDate: nil)
        #expect(!document.tokens.isEmpty)
        #expect(!document.sentences.isEmpty)
    }

    @Test("the shipped tables load")
    func shippedTables() throws {
        let tables = try ExtractionModels.entityTables()
        #expect(tables.place("Kazakhstan")?.country == "KZ")
        #expect(tables.actors.count > 30_000)
    }
}
