import Testing

@testable import Extraction

/// The general span and type corrections on tagger-like mistakes in unseen phrasings: names joined
/// across particles, treaties and organisations by head word, adjectival places, quantifiers.
@Suite("Entity canonicaliser: tagger corrections")
struct MentionTyperTests {
    private func run(_ text: String, _ marks: [(String, EntityType)]) throws -> Document {
        try EntityTestSupport.canonicalize(EntityTestSupport.document(text, marking: marks), fallback: false)
    }

    @Test(
        "a person's name continues across a lower-case particle",
        arguments: [
            ("Luiz Inacio Lula da Silva spoke on Monday.", "Luiz Inacio Lula", "Silva", "Luiz Inacio Lula da Silva"),
            ("Ursula von der Leyen arrived.", "Ursula", "Leyen", "Ursula von der Leyen"),
            (
                "Talks with Mohammed bin Zayed al Nahyan ended.", "Mohammed bin Zayed", "Nahyan",
                "Mohammed bin Zayed al Nahyan"
            ),
        ])
    func particles(text: String, head: String, tail: String, full: String) throws {
        let document = try run(text, [(head, .person), (tail, .misc)])
        #expect(document.entities.map(\.name) == [full])
        #expect(document.entities.first?.type == .person)
    }

    @Test(
        "treaties and organisations are typed by their head word",
        arguments: [
            ("The Warsaw Pact collapsed.", "Warsaw Pact", EntityType.location, EntityType.misc),
            ("Both joined the Paris Agreement.", "Paris Agreement", .location, .misc),
            ("The Camp David Accords held.", "Camp David Accords", .person, .misc),
            ("The Kyiv Independent reported it, as did the Denver Post.", "Denver Post", .location, .organization),
            ("The Ohio Examiner reported it.", "Ohio Examiner", .location, .organization),
            ("The Cairo University staff left.", "Cairo University", .location, .organization),
        ])
    func heads(text: String, phrase: String, tagged: EntityType, expected: EntityType) throws {
        let document = try run(text, [(phrase, tagged)])
        #expect(EntityTestSupport.entity(mentioned: phrase, in: document)?.type == expected)
    }

    @Test("a surname that looks like a head word stays a person")
    func surnameHead() throws {
        let document = try run("Lisa Bank said so.", [("Lisa Bank", .person)])
        #expect(document.entities.first?.type == .person)
    }

    @Test(
        "adjectives from places and pairs of nationalities are MISC",
        arguments: [
            ("South Asian", EntityType.organization), ("East African", .location), ("U.S.-China", .location),
            ("Russia-Ukraine", .location),
        ])
    func adjectives(phrase: String, tagged: EntityType) throws {
        let document = try run("The \(phrase) talks resumed.", [(phrase, tagged)])
        #expect(EntityTestSupport.entity(mentioned: phrase, in: document)?.type == .misc)
    }

    @Test("a leading numeral before a nationality and a plural noun is trimmed; a name keeps its numeral")
    func quantifiers() throws {
        var document = EntityTestSupport.document(
            "Three Baltic countries agreed. The Five Star Movement won.",
            marking: [("Three Baltic", .misc), ("Five Star Movement", .organization)])
        if let plural = document.tokens.firstIndex(where: { $0.text == "countries" }) {
            document.tokens[plural].partOfSpeech = "NNS"
        }
        document = try EntityTestSupport.canonicalize(document, fallback: false)
        #expect(document.entities.map(\.name) == ["Baltic", "Five Star Movement"])
    }
}
