import Foundation
import Testing

@testable import Extraction

/// The sample article with mentions marked by hand as a tagger would: every person one PERSON entity
/// under the full name, every country with its ISO code, organisations and treaties typed right,
/// and nothing from the all-caps teaser line or the "Related Content" boilerplate.
@Suite("Entities: sample article")
struct EntitySampleArticleTests {
    static let samplePath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "Fixtures/kazakhstan-abraham-accords.txt")

    /// What a CoNLL-style tagger marks in the article (titles outside the spans, "White House" as a place).
    static let marks: [(String, EntityType)] = [
        ("Kassym-Jomart Tokayev", .person), ("Tokayev", .person), ("Donald Trump", .person), ("Trump", .person),
        ("TRUMP", .person), ("Shavkat Mirziyoyev", .person), ("Sadyr Nurgojo uulu Japarov", .person),
        ("Emomali Rahmon", .person), ("Serdar Berdimuhamedow", .person), ("Mohammed bin Salman al Saud", .person),
        ("Kazakhstan", .location), ("Israel", .location), ("Uzbekistan", .location), ("Kyrgyzstan", .location),
        ("Tajikistan", .location), ("Turkmenistan", .location), ("Sudan", .location),
        ("United Arab Emirates", .location), ("Bahrain", .location), ("Morocco", .location), ("Gaza", .location),
        ("Lebanon", .location), ("Iran", .location), ("Yemen", .location), ("Middle East", .location),
        ("Riyadh", .location), ("Saudi Arabia", .location), ("Washington", .location), ("White House", .location),
        ("Hamas", .organization), ("Washington Examiner", .organization), ("Related Content", .organization),
        ("Abraham Accords", .misc), ("Muslim", .misc), ("Arab", .misc), ("Saudi", .misc), ("Central Asian", .misc),
        ("Saudi-Israel", .misc), ("BONEHEAD SCREWUPS", .organization),
    ]

    static func article() throws -> Document {
        let raw = try String(contentsOf: samplePath, encoding: .utf8)
        // The body starts after the title line and the blank line after it.
        let body = try #require(raw.range(of: "\n\n")).upperBound
        let document = EntityTestSupport.document(String(raw[body...]), marking: marks)
        return try EntityTestSupport.canonicalize(document)
    }

    @Test(
        "every person is one PERSON entity under the full name",
        arguments: [
            // Donald Trump: 3 names + "The president" (title coreference).
            ("Kassym-Jomart Tokayev", "KZ", 2), ("Donald Trump", nil, 4), ("Shavkat Mirziyoyev", "UZ", 1),
            ("Sadyr Nurgojo uulu Japarov", "KG", 1), ("Emomali Rahmon", "TJ", 1), ("Serdar Berdimuhamedow", "TM", 1),
            ("Mohammed bin Salman al Saud", "SA", 1),
        ] as [(String, String?, Int)])
    func people(name: String, country: String?, mentions: Int) throws {
        let document = try Self.article()
        let matches = document.entities.filter { $0.name == name }
        #expect(matches.count == 1)
        let entity = try #require(matches.first)
        #expect(entity.type == .person)
        #expect(entity.country == country)
        #expect(entity.mentions.count == mentions)
    }

    @Test("no person entity is a short form of another")
    func noStrayShortForms() throws {
        let document = try Self.article()
        let people = document.entities.filter { $0.type == .person }.map(\.name)
        #expect(
            Set(people) == [
                "Kassym-Jomart Tokayev", "Donald Trump", "Shavkat Mirziyoyev", "Sadyr Nurgojo uulu Japarov",
                "Emomali Rahmon", "Serdar Berdimuhamedow", "Mohammed bin Salman al Saud",
            ])
    }

    @Test(
        "countries carry their ISO codes",
        arguments: [
            ("Kazakhstan", "KZ"), ("Israel", "IL"), ("Uzbekistan", "UZ"), ("Kyrgyzstan", "KG"), ("Tajikistan", "TJ"),
            ("Turkmenistan", "TM"), ("Sudan", "SD"), ("United Arab Emirates", "AE"), ("Bahrain", "BH"),
            ("Morocco", "MA"),
            ("Saudi Arabia", "SA"), ("Iran", "IR"), ("Yemen", "YE"), ("Lebanon", "LB"),
        ])
    func countries(name: String, iso: String) throws {
        let document = try Self.article()
        let entity = try #require(document.entities.first { $0.name == name })
        #expect(entity.type == .location)
        #expect(entity.country == iso)
    }

    @Test(
        "organisations, treaties and places are typed",
        arguments: [
            ("Hamas", EntityType.organization, "PS"), ("White House", .organization, "US"),
            ("Washington Examiner", .organization, nil), ("Abraham Accords", .misc, nil),
            ("Washington", .location, "US"), ("Riyadh", .location, "SA"), ("Gaza", .location, "PS"),
            ("Middle East", .location, nil), ("Saudi", .misc, "SA"),
        ] as [(String, EntityType, String?)])
    func typed(name: String, type: EntityType, country: String?) throws {
        let document = try Self.article()
        let entity = try #require(document.entities.first { $0.name == name })
        #expect(entity.type == type)
        #expect(entity.country == country)
    }

    @Test(
        "actor codes for the event coder",
        arguments: [
            ("Kassym-Jomart Tokayev", "KAZGOV"), ("Shavkat Mirziyoyev", "UZBGOV"), ("Hamas", "PSEREBHMS"),
            ("White House", "USAGOV"), ("Israel", "ISR"), ("Mohammed bin Salman al Saud", "SAUGOV"),
        ])
    func actorCodes(name: String, code: String) throws {
        let document = try Self.article()
        #expect(document.entities.first { $0.name == name }?.actorCode == code)
    }

    @Test("teaser headline and boilerplate give no entities")
    func junk() throws {
        let document = try Self.article()
        let texts = document.entities.flatMap { $0.mentions.map { document.mentions[$0].text } }
        #expect(!texts.contains("TRUMP"))
        #expect(!texts.contains("BONEHEAD SCREWUPS"))
        #expect(!texts.contains("Related Content"))
    }

    @Test("ids follow first mention and mentions point back")
    func ids() throws {
        let document = try Self.article()
        #expect(document.entities.map(\.id) == document.entities.indices.map { "e\($0 + 1)" })
        let firsts = document.entities.map { document.mentions[$0.mentions[0]].span.start }
        #expect(firsts == firsts.sorted())
        for (index, entity) in document.entities.enumerated() {
            for mention in entity.mentions { #expect(document.mentions[mention].entity == index) }
        }
        #expect(document.entities.first?.name == "Kazakhstan")
    }
}
