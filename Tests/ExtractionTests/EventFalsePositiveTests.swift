import Testing

@testable import Extraction

/// Shapes that read like events to a verb dictionary but are none (or are only intents), on
/// hand-tagged sentences with the shipped CAMEO dictionary.
@Suite("Event coder false positives")
struct EventFalsePositiveTests {
    typealias Spec = EventTestDocuments.EntitySpec

    static let actors: [Spec] = [
        Spec("Israel", .location, "ISR"), Spec("Jordan", .location, "JOR"), Spec("Egypt", .location, "EGY"),
        Spec("Lee", .person, "KORGOV"), Spec("Ishiba", .person, "JPNGOV"), Spec("South Korean", .misc, "KOR"),
        Spec("Cairo", .location, "EGY"), Spec("Romania", .location, "ROU"), Spec("Lithuania", .location, "LTU"),
        Spec("Warsaw Pact", .misc),
    ]

    private func code(_ tagged: String) throws -> Document {
        var document = EventTestDocuments.document(tagged, entities: Self.actors, dates: [])
        try EventTestDocuments.shippedCoder().apply(to: &document)
        return document
    }

    private func name(_ id: String?, _ document: Document) -> String? {
        id.flatMap { id in document.entities.first { $0.id == id }?.name }
    }

    @Test(
        "no event",
        arguments: [
            // "going to" + verb is the future, not a visit
            "Egypt/NNP is/VBZ going/VBG to/TO be/VB very/RB important/JJ for/IN Jordan/NNP ./.",
            // a block synonym with no pattern and no target
            "Israel/NNP 's/POS economy/NN has/VBZ taken/VBN a/DT hit/NN ./.",
            // a symmetric deed without a partner
            "Israel/NNP carried/VBD out/RP operations/NNS ./.",
            // a sports result
            "Romania/NNP beat/VBD Lithuania/NNP 2-1/CD ./.",
        ])
    func noEvent(tagged: String) throws {
        let document = try code(tagged)
        #expect(document.events.isEmpty, "\(document.events.map(\.code))")
    }

    @Test("a hypothetical is an intent, never a deed")
    func hypothetical() throws {
        let document = try code("Egypt/NNP would/MD join/VB the/DT Warsaw/NNP Pact/NNP ./.")
        #expect(!document.events.isEmpty)
        #expect(document.events.allSatisfy { $0.code.hasPrefix("03") && $0.date == nil })
    }

    @Test("a place travelled to gives no reverse event, and a treaty never acts")
    func noReverseFromPlaces() throws {
        let document = try code(
            "Egypt/NNP will/MD travel/VB to/TO Cairo/NNP ./. Jordan/NNP joined/VBD the/DT Warsaw/NNP Pact/NNP ./.")
        #expect(!document.events.contains { ["Cairo", "Warsaw Pact"].contains(name($0.source, document)) })
        #expect(document.events.contains { name($0.source, document) == "Jordan" && $0.code == "057" })
    }

    @Test("a nationality before a title modifies the person")
    func nationalityBeforeTitle() throws {
        let document = try code("Ishiba/NNP met/VBD South/NNP Korean/NNP President/NNP Lee/NNP ./.")
        #expect(
            document.events.contains { name($0.source, document) == "Ishiba" && name($0.target, document) == "Lee" })
        #expect(!document.events.contains { name($0.target, document) == "South Korean" })
    }

    @Test("a first-person speaker is not the previous sentence's subject")
    func speaker() throws {
        let document = try code("Israel/NNP spoke/VBD ./. I/PRP think/VBP so/RB ./.")
        #expect(!document.events.contains { $0.code == "040" })
    }
}
