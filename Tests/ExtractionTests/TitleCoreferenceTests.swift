import Testing

@testable import Extraction
@testable import ExtractionModels

/// Title descriptions ("the president", "the senator", "the Egyptian president") resolved to the
/// person introduced with that title, on short invented texts (names marked by hand, POS from the
/// shipped tagger).
@Suite("Entity canonicaliser: title coreference")
struct TitleCoreferenceTests {
    typealias Marks = [(String, EntityType)]

    /// The shipped POS tagger, loaded once.
    static let tagger = Result { try ExtractionModels.loadPOSTagger() }

    private func run(_ text: String, _ marks: Marks) throws -> Document {
        var document = EntityTestSupport.document(text, marking: marks)
        try Self.tagger.get().apply(to: &document)
        return try EntityTestSupport.canonicalize(document, fallback: false)
    }

    /// The names of the entities the descriptions (mentions whose text is in `descriptions`) link to, in text order.
    private func resolved(_ document: Document, _ descriptions: Set<String>) -> [String] {
        document.mentions.filter { descriptions.contains($0.text.lowercased()) }.compactMap { mention in
            mention.entity.map { document.entities[$0].name }
        }
    }

    @Test(
        "a description takes the person introduced with its title",
        arguments: [
            (
                "President Anna Berg arrived on Monday. The president said the talks went well.",
                [("Anna Berg", EntityType.person)], "president", "Anna Berg"
            ),
            (
                "Sen. Lena Vogt criticized the bill. The senator said it would fail.",
                [("Lena Vogt", .person)], "senator", "Lena Vogt"
            ),
            (
                "Crown Prince Karim Aziz landed in Paris. The crown prince met officials there.",
                [("Karim Aziz", .person), ("Paris", .location)], "crown prince", "Karim Aziz"
            ),
            (
                "Premier Tomas Kral resigned. Aides said the prime minister was tired.",
                [("Tomas Kral", .person)], "prime minister", "Tomas Kral"
            ),
            (
                "Foreign Minister Ines Duarte flew home. The minister said nothing.",
                [("Ines Duarte", .person)], "minister", "Ines Duarte"
            ),
            (
                "Gen. Piotr Nowak led the parade. The general then saluted.",
                [("Piotr Nowak", .person)], "general", "Piotr Nowak"
            ),
            (
                "Critics accused President Anna Berg of overreach. The judges were named by the president. Most agreed.",
                [("Anna Berg", .person)], "president", "Anna Berg"
            ),
        ] as [(String, Marks, String, String)])
    func resolves(text: String, marks: Marks, description: String, name: String) throws {
        let document = try run(text, marks)
        #expect(resolved(document, [description]) == [name])
        let entity = try #require(document.entities.first { $0.name == name })
        #expect(entity.type == .person)
        #expect(entity.mentions.count == 2, "the description counts as a mention")
        #expect(entity.mentions == entity.mentions.sorted())
        #expect(document.mentions.map(\.span.start) == document.mentions.map(\.span.start).sorted())
    }

    @Test("the most mentioned titled person wins over the most recent one")
    func salience() throws {
        let text =
            "President Anna Berg met President Omar Haddad. Berg said the meeting was useful. Berg left. "
            + "Haddad stayed. The president said talks would go on."
        let document = try run(text, [("Anna Berg", .person), ("Omar Haddad", .person), ("Berg", .person), ("Haddad", .person)])
        #expect(resolved(document, ["president"]) == ["Anna Berg"])
    }

    @Test("on equal mentions the most recent titled person wins")
    func recency() throws {
        let document = try run(
            "President Anna Berg welcomed President Omar Haddad. The president praised the deal.",
            [("Anna Berg", .person), ("Omar Haddad", .person)])
        #expect(resolved(document, ["president"]) == ["Omar Haddad"])
    }

    @Test("a nationality or country in the description picks that country's office holder")
    func country() throws {
        let text =
            "French President Anna Berg met Egyptian President Omar Haddad. Berg spoke. Berg left. "
            + "The Egyptian president said little. Later the president of France thanked him."
        let document = try run(text, [("Anna Berg", .person), ("Omar Haddad", .person), ("Berg", .person), ("France", .location)])
        #expect(resolved(document, ["president"]) == ["Omar Haddad", "Anna Berg"])
    }

    @Test("a former office holder only for 'the former ...', and the current one otherwise")
    func former() throws {
        let text =
            "Former President Omar Haddad visited. President Anna Berg hosted him. The president said it went well. "
            + "The former president agreed."
        let document = try run(text, [("Anna Berg", .person), ("Omar Haddad", .person)])
        #expect(resolved(document, ["president"]) == ["Anna Berg", "Omar Haddad"])
    }

    @Test(
        "no description without a titled antecedent, or when the title heads something else",
        arguments: [
            "The president said the talks went well. President Anna Berg arrived later.",
            "President Anna Berg spoke. The president of the club resigned.",
            "Gen. Piotr Nowak spoke. The general election is in May.",
            "Mr. Karl Weiss spoke. The president said nothing.",
            "Parliament failed to elect a president.\n\nAnna Berg reported. The president post stays empty. The president was absent.",
        ])
    func negatives(text: String) throws {
        let document = try run(
            text, [("Anna Berg", .person), ("Piotr Nowak", .person), ("Karl Weiss", .person)])
        #expect(resolved(document, ["president", "general"]).isEmpty)
        for entity in document.entities { #expect(entity.mentions.count == 1, "\(entity.name)") }
    }

    @Test(
        "'the kingdom' is the article's one monarchy, if there is exactly one",
        arguments: [
            ("Crown Prince Karim Aziz of Saudi Arabia spoke. The kingdom will host the summit.", "Saudi Arabia"),
            ("King Anders Holm of Norway met President Anna Berg of France. The kingdom is rich.", "Norway"),
            ("The United Kingdom left the bloc. Since then the kingdom has struggled.", "United Kingdom"),
            ("Saudi Arabia hosted talks. The kingdom said little.", nil),
            ("King Anders Holm of Norway met King Olof Berg of Sweden. The kingdom is rich.", nil),
            ("Crown Prince Karim Aziz of Saudi Arabia spoke. The Kingdom of Bahrain objected.", nil),
        ] as [(String, String?)])
    func kingdom(text: String, country: String?) throws {
        let marks: Marks = [
            ("Karim Aziz", .person), ("Anders Holm", .person), ("Anna Berg", .person), ("Olof Berg", .person),
            ("Saudi Arabia", .location), ("Norway", .location), ("France", .location), ("Sweden", .location),
            ("United Kingdom", .location), ("Bahrain", .location),
        ]
        let document = try run(text, marks)
        let kingdoms = document.mentions.filter { $0.text.lowercased() == "kingdom" }
        #expect(kingdoms.compactMap { $0.entity.map { document.entities[$0].name } } == (country.map { [$0] } ?? []))
        #expect(kingdoms.allSatisfy { $0.type == .location })
    }
}
