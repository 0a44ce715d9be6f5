import Aggregation
import NewsWire
import Testing

@Suite("Merger")
struct MergerTests {
    @Test("same name and type across chunks and articles is one entity with per-article counts")
    func consolidates() {
        let result = Merger().merge([
            .init(
                articleID: "a",
                replies: [
                    Replies.reply(
                        "0-0",
                        entities: [
                            Replies.entity(
                                "e1", "Kazakhstan", "LOCATION", country: "KZ", mentions: [("Kazakhstan", 0)]),
                            Replies.entity("e2", "Israel", "LOCATION", mentions: [("Israel", 20), ("Israel", 40)]),
                        ]),
                    Replies.reply(
                        "0-1",
                        entities: [Replies.entity("e1", "Kazakhstan", "LOCATION", mentions: [("Kazakhstan", 90)])]),
                ]),
            .init(
                articleID: "b",
                replies: [
                    Replies.reply(
                        "1-0",
                        entities: [
                            Replies.entity("e1", "Kazakhstan", "LOCATION", mentions: [("Kazakhstan", 3)]),
                            Replies.entity("e2", "Kazakhstan", "ORGANIZATION", mentions: [("Kazakhstan", 60)]),
                        ])
                ]),
        ])
        #expect(result.entities.map(\.name) == ["Kazakhstan", "Israel", "Kazakhstan"])
        #expect(result.entities.map(\.id) == ["e1", "e2", "e3"])
        #expect(result.entities[0].mentions == 3)
        #expect(result.entities[0].articles == [.init(article: "a", mentions: 2), .init(article: "b", mentions: 1)])
        #expect(result.entities[0].country == "KZ")
        #expect(result.entities[2].type == "ORGANIZATION")
    }

    @Test("a Goldstein score off the -10...10 scale (NaN, infinite, too large) from a worker is not reported as is")
    func goldsteinOffScale() {
        let scores: [Double] = [.nan, .infinity, -.infinity, 42, -11, 3.4]
        let events = scores.enumerated().map { index, score in
            var event = Replies.event("04\(index)", start: index * 20, end: index * 20 + 10)
            event.goldstein = score
            return event
        }
        let result = Merger().merge([.init(articleID: "a", replies: [Replies.reply("0-0", events: events)])])
        #expect(result.events.map(\.goldstein) == [0, 0, 0, 10, -10, 3.4])
    }

    @Test("a last name in a later chunk joins the full name seen earlier in the same article only")
    func shortForms() {
        let full = Replies.entity("e1", "Kassym-Jomart Tokayev", "PERSON", mentions: [("Kassym-Jomart Tokayev", 0)])
        let short = Replies.entity("e1", "Tokayev", "PERSON", mentions: [("Tokayev", 300)])
        let result = Merger().merge([
            .init(
                articleID: "a",
                replies: [Replies.reply("0-0", entities: [full]), Replies.reply("0-1", entities: [short])]),
            .init(articleID: "b", replies: [Replies.reply("1-0", entities: [short])]),
        ])
        #expect(result.entities.map(\.name) == ["Kassym-Jomart Tokayev", "Tokayev"])
        #expect(result.entities[0].articles == [.init(article: "a", mentions: 2)])
        #expect(result.entities[1].articles == [.init(article: "b", mentions: 1)])
    }

    @Test(
        "names split by any white space join their short forms; a name with white space inside is no short form",
        arguments: ["Ilham Aliyev", "Ilham\u{00A0}Aliyev", "Ilham\tAliyev", "Ильхам\u{2002}Aliyev"])
    func shortFormsAcrossWhiteSpace(full name: String) {
        let full = Replies.entity("e1", name, "PERSON", mentions: [(name, 0)])
        let short = Replies.entity("e1", "Aliyev", "PERSON", mentions: [("Aliyev", 300)])
        let spaced = Replies.entity("e2", "Aliyev\u{3000}Jr", "PERSON", mentions: [("Aliyev Jr", 400)])
        let result = Merger().merge([
            .init(articleID: "a", replies: [Replies.reply("0-0", entities: [full]), Replies.reply("0-1", entities: [short, spaced])])
        ])
        #expect(result.entities.map(\.name) == [name, "Aliyev\u{3000}Jr"])
        #expect(result.entities[0].articles == [.init(article: "a", mentions: 2)])
    }

    @Test("an ambiguous last name is left alone")
    func ambiguousShortForm() {
        let result = Merger().merge([
            .init(
                articleID: "a",
                replies: [
                    Replies.reply(
                        "0-0",
                        entities: [
                            Replies.entity("e1", "Donald Trump", "PERSON"),
                            Replies.entity("e2", "Melania Trump", "PERSON"),
                        ]),
                    Replies.reply("0-1", entities: [Replies.entity("e1", "Trump", "PERSON")]),
                ])
        ])
        #expect(result.entities.map(\.name) == ["Donald Trump", "Melania Trump", "Trump"])
    }

    @Test("events use job-wide entity ids, drop duplicates and run in date order, undated last")
    func events() {
        let entities = [Replies.entity("e1", "Kazakhstan", "LOCATION"), Replies.entity("e2", "Israel", "LOCATION")]
        let later = Replies.event("057", source: "e1", target: "e2", date: "2025-11-06", start: 50, end: 90)
        let earlier = Replies.event("036", source: "e1", date: "2023-10-07", start: 100, end: 120)
        let undated = Replies.event("010", source: "e9", start: 0, end: 10)
        let result = Merger().merge([
            .init(
                articleID: "a", replies: [Replies.reply("0-0", entities: entities, events: [undated, later, later])]),
            .init(
                articleID: "b",
                replies: [
                    Replies.reply("1-0", entities: [Replies.entity("e1", "Israel", "LOCATION")], events: [earlier])
                ]),
        ])
        #expect(result.events.map(\.code) == ["036", "057", "010"])
        #expect(result.events.map(\.id) == ["ev1", "ev2", "ev3"])
        #expect(result.events[0].source == "e2")
        #expect(result.events[0].article == "b")
        #expect(result.events[1].source == "e1" && result.events[1].target == "e2")
        #expect(result.events[2].source == nil)
        #expect(result.events[2].date == nil)
    }

    @Test("dates are listed per article; close mentions become weighted links")
    func datesAndLinks() {
        let result = Merger().merge([
            .init(
                articleID: "a",
                replies: [
                    Replies.reply(
                        "0-0",
                        entities: [
                            Replies.entity(
                                "e1", "Kazakhstan", "LOCATION", mentions: [("Kazakhstan", 0), ("Kazakhstan", 500)]),
                            Replies.entity("e2", "Israel", "LOCATION", mentions: [("Israel", 30), ("Israel", 520)]),
                            Replies.entity("e3", "Peru", "LOCATION", mentions: [("Peru", 2000)]),
                        ],
                        dates: [Replies.date("Thursday", "2025-11-06", start: 12)])
                ])
        ])
        #expect(
            result.dates == [Report.DateEntry(article: "a", text: "Thursday", value: "2025-11-06", start: 12, end: 20)])
        #expect(result.links == [Report.Link(source: "e1", target: "e2", weight: 2)])
    }

    @Test("links are listed between the most-mentioned entities only (the network's nodes), heaviest first")
    func linksOfTheMostMentioned() {
        // Entity n (of 40) is mentioned 40 - n times, all close together: every pair is a link.
        let count = Merger.linkedEntities + 10
        let entities = (0..<count).map { n in
            Replies.entity(
                "c\(n)", "Name\(n)", "MISC", mentions: (0..<(count - n)).map { ("Name\(n)", n + $0) })
        }
        let result = Merger().merge([.init(articleID: "a", replies: [Replies.reply("0-0", entities: entities)])])
        let linked = Set(result.links.flatMap { [$0.source, $0.target] })
        #expect(linked == Set((1...Merger.linkedEntities).map { "e\($0)" }))
        #expect(result.links.count == Merger.linkedEntities * (Merger.linkedEntities - 1) / 2)
        #expect(zip(result.links, result.links.dropFirst()).allSatisfy { $0.weight >= $1.weight })
        #expect(result.links.first == Report.Link(source: "e1", target: "e2", weight: result.links.first?.weight ?? 0))
    }
}
