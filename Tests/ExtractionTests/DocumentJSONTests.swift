import Foundation
import Testing

@testable import Extraction

/// The `newsbus extract` JSON shape (DESIGN.md, "Contracts").
@Suite("Document JSON")
struct DocumentJSONTests {
    static func sample() -> (Document, ArticleMetadata) {
        var document = Document(
            text: "Tokayev met \"Trump\"\non Thursday.", articleDate: CalendarDate(iso: "2025-11-06"))
        document.mentions = [
            Mention(tokens: 0..<1, span: TextSpan(start: 0, end: 7), text: "Tokayev", type: .person, entity: 0),
            Mention(tokens: 3..<4, span: TextSpan(start: 13, end: 18), text: "Trump", type: .person, entity: 1),
        ]
        document.entities = [
            Entity(
                id: "e1", name: "Kassym-Jomart Tokayev", type: .person, country: "KZ", actorCode: "KAZGOV",
                mentions: [0]),
            Entity(id: "e2", name: "Donald Trump", type: .person, mentions: [1]),
        ]
        document.dates = [
            DateExpression(text: "Thursday", span: TextSpan(start: 23, end: 31), value: "2025-11-06", sentence: 0)
        ]
        document.events = [
            Event(
                code: "036", label: "Express intent to meet or negotiate", trigger: "met", source: "e1",
                target: "e2", date: "2025-11-06", sentence: 0, span: TextSpan(start: 0, end: 32))
        ]
        let article = ArticleMetadata(
            id: "a1", title: "Kazakhstan \"joins\"", date: CalendarDate(iso: "2025-11-06"), source: nil)
        return (document, article)
    }

    @Test("keys come in the contract's order")
    func keyOrder() {
        let (document, article) = Self.sample()
        let json = DocumentJSON.render(document, article: article)
        #expect(
            json.hasPrefix(
                #"{"article":{"id":"a1","title":"Kazakhstan \"joins\"","date":"2025-11-06","source":null},"entities":[{"id":"e1","name":"Kassym-Jomart Tokayev","type":"PERSON","country":"KZ","mentions":[{"text":"Tokayev","start":0,"end":7}]},{"id":"e2","name":"Donald Trump","type":"PERSON","country":null,"#
            ))
        #expect(
            json.contains(
                #""dates":[{"text":"Thursday","value":"2025-11-06","start":23,"end":31}],"events":[{"code":"036","label":"Express intent to meet or negotiate","trigger":"met","source":"e1","target":"e2","date":"2025-11-06","location":null,"sentence":"Tokayev met \"Trump\"\non Thursday.","start":0,"end":32}]}"#
            ))
        #expect(!json.contains("\n"))
    }

    @Test("the output parses as JSON with the contract's fields and types")
    func parses() throws {
        let (document, article) = Self.sample()
        let data = Data(DocumentJSON.render(document, article: article).utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["article", "entities", "dates", "events"])
        let entities = try #require(object["entities"] as? [[String: Any]])
        #expect(Set(entities[0].keys) == ["id", "name", "type", "country", "mentions"])
        #expect(entities[1]["country"] is NSNull)
        let mentions = try #require(entities[0]["mentions"] as? [[String: Any]])
        #expect(mentions[0]["start"] as? Int == 0)
        let events = try #require(object["events"] as? [[String: Any]])
        #expect(
            Set(events[0].keys) == [
                "code", "label", "trigger", "source", "target", "date", "location", "sentence", "start", "end",
            ])
    }

    @Test(
        "strings are escaped",
        arguments: [
            ("plain", #""plain""#), ("quote \" and \\", #""quote \" and \\""#),
            ("line\nbreak\ttab", #""line\nbreak\ttab""#),
            ("\u{1}", #""\u0001""#), ("Rahmon’s “dream”", "\"Rahmon’s “dream”\""),
        ])
    func escaping(value: String, expected: String) {
        var output = ""
        JSONWriter.appendQuoted(value, to: &output)
        #expect(output == expected)
    }

    @Test("an empty document still has every array")
    func empty() {
        let json = DocumentJSON.render(
            Document(text: "x"), article: ArticleMetadata(id: "x", title: nil, date: nil, source: "s"))
        #expect(
            json
                == #"{"article":{"id":"x","title":null,"date":null,"source":"s"},"entities":[],"dates":[],"events":[]}"#
        )
    }
}
