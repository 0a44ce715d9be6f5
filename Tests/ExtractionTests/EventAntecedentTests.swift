import Testing

@testable import Extraction

/// Who "they" and event nouns in adverbials refer to, on short invented, hand-tagged sentences.
@Suite("Event coder antecedents")
struct EventAntecedentTests {
    typealias Spec = EventTestDocuments.EntitySpec

    static let actors: [Spec] = [
        Spec("Anna Berg", .person, "FRAGOV"), Spec("Omar Haddad", .person, "EGYGOV"),
        Spec("Lena Vogt", .person, "DEUGOV"), Spec("Tomas Kral", .person, "CZEGOV"),
        Spec("Freedonia", .location, "FRA"), Spec("Sylvania", .location, "EGY"), Spec("Genovia", .location, "DEU"),
        Spec("Ruritania", .location, "CZE"),
    ]

    private func code(_ tagged: String, dates: [(phrase: String, value: String)] = []) throws -> Document {
        var document = EventTestDocuments.document(tagged, entities: Self.actors, dates: dates)
        try EventTestDocuments.shippedCoder().apply(to: &document)
        return document
    }

    private func ids(_ names: [String], _ document: Document) -> Set<String> {
        Set(names.compactMap { name in document.entities.first { $0.name == name }?.id })
    }

    private func sources(_ document: Document, sentence: Int) -> Set<String> {
        Set(document.events.filter { $0.sentence == sentence }.compactMap(\.source))
    }

    @Test("'they' after a single subject joined by others: the subject and its partners")
    func joinedBy() throws {
        let document = try code(
            "Anna/NNP Berg/NNP will/MD be/VB joined/VBN by/IN Omar/NNP Haddad/NNP and/CC Lena/NNP Vogt/NNP ./. "
                + "They/PRP are/VBP expected/VBN to/TO sign/VB new/JJ economic/JJ agreements/NNS ./.")
        #expect(sources(document, sentence: 1) == ids(["Anna Berg", "Omar Haddad", "Lena Vogt"], document))
        #expect(document.events.filter { $0.sentence == 1 }.allSatisfy { $0.code.hasPrefix("03") })
    }

    @Test("'they' after a list the subject search only half reads: the whole list")
    func leadersOfCountries() throws {
        let document = try code(
            "The/DT leaders/NNS of/IN Freedonia/NNP ,/, Sylvania/NNP and/CC Genovia/NNP met/VBD Anna/NNP Berg/NNP "
                + "on/IN Monday/NNP ./. They/PRP signed/VBD a/DT trade/NN agreement/NN ./.")
        let signers = sources(document, sentence: 1)
        #expect(signers.isSuperset(of: ids(["Freedonia", "Sylvania", "Genovia"], document)))
        #expect(!signers.contains(ids(["Anna Berg"], document).first ?? ""))
    }

    @Test("'they' after a coordinated subject: that subject")
    func coordinatedSubject() throws {
        let document = try code(
            "Freedonia/NNP and/CC Sylvania/NNP held/VBD talks/NNS ./. They/PRP signed/VBD a/DT trade/NN agreement/NN ./.")
        #expect(sources(document, sentence: 1) == ids(["Freedonia", "Sylvania"], document))
    }

    @Test("places where something happened are not 'they'")
    func placesAreNotThey() throws {
        let document = try code(
            "Protesters/NNS gathered/VBD in/IN Freedonia/NNP and/CC Sylvania/NNP ./. "
                + "They/PRP attacked/VBD Anna/NNP Berg/NNP ./.")
        #expect(sources(document, sentence: 1).isDisjoint(with: ids(["Freedonia", "Sylvania"], document)))
    }

    @Test("'they' after a plural common-noun subject is no actor, not a list in that sentence nor an older subject")
    func pluralNounSubject() throws {
        let document = try code(
            "Tomas/NNP Kral/NNP met/VBD Anna/NNP Berg/NNP ./. Brokers/NNS said/VBD Freedonia/NNP and/CC "
                + "Sylvania/NNP would/MD gain/VB ./. They/PRP attacked/VBD Omar/NNP Haddad/NNP ./.")
        #expect(sources(document, sentence: 2).isEmpty)
    }

    @Test("a visit with no destination actor takes no source from the clause")
    func tripWithoutDestination() throws {
        let document = try code(
            "Anna/NNP Berg/NNP disappeared/VBD during/IN a/DT trip/NN to/TO the/DT toilet/NN ./.")
        #expect(!document.events.contains { $0.trigger == "trip" })
    }

    @Test("many parties with no target give one event per party, not a capped set of pairs")
    func manyParties() throws {
        let document = try code(
            "Anna/NNP Berg/NNP ,/, Omar/NNP Haddad/NNP ,/, Lena/NNP Vogt/NNP ,/, Tomas/NNP Kral/NNP and/CC "
                + "Freedonia/NNP signed/VBD agreements/NNS ./.")
        let events = document.events.filter { $0.trigger == "signed" }
        #expect(Set(events.compactMap(\.source)) == ids(["Anna Berg", "Omar Haddad", "Lena Vogt", "Tomas Kral", "Freedonia"], document))
        #expect(events.count == 5)
        #expect(events.allSatisfy { $0.target == nil })
    }

    @Test("a 'they' inside the sentence keeps the last subject")
    func embeddedThey() throws {
        let document = try code(
            "Anna/NNP Berg/NNP will/MD be/VB joined/VBN by/IN Omar/NNP Haddad/NNP and/CC Lena/NNP Vogt/NNP ./. "
                + "Tomas/NNP Kral/NNP said/VBD they/PRP will/MD sign/VB agreements/NNS ./.")
        #expect(!sources(document, sentence: 1).contains(ids(["Omar Haddad"], document).first ?? ""))
    }

    @Test("a visit after 'during' is the clause subject's, and 'during' ends the verb's objects")
    func tripDuringStatement() throws {
        let document = try code(
            "Anna/NNP Berg/NNP said/VBD during/IN a/DT trip/NN to/TO Sylvania/NNP in/IN May/NNP that/IN "
                + "trade/NN would/MD grow/VB ./.", dates: [("May", "2025-05")])
        let visit = try #require(document.events.first { $0.trigger == "trip" })
        #expect(visit.code == "042")
        #expect(visit.source == ids(["Anna Berg"], document).first)
        #expect(visit.target == ids(["Sylvania"], document).first)
        #expect(visit.date == "2025-05")
        #expect(!document.events.contains { $0.code.hasPrefix("01") }, "Sylvania is not addressed")
    }

    @Test("'said during a visit' is no announcement of a visit: 'during' ends the pattern words too")
    func saidDuringVisit() throws {
        let document = try code(
            "Tomas/NNP Kral/NNP said/VBD during/IN a/DT visit/NN to/TO Genovia/NNP that/IN trade/NN would/MD "
                + "grow/VB ./.")
        #expect(!document.events.contains { $0.trigger == "said" })
        let visit = try #require(document.events.first { $0.trigger == "visit" })
        #expect(visit.source == ids(["Tomas Kral"], document).first)
    }

    @Test("an attack after 'after' is not the subject's")
    func attackAfterCondemnation() throws {
        let document = try code(
            "Anna/NNP Berg/NNP condemned/VBD Freedonia/NNP after/IN the/DT attack/NN on/IN Sylvania/NNP ./.")
        let berg = ids(["Anna Berg"], document).first
        #expect(!document.events.contains { $0.trigger == "attack" && $0.source == berg })
    }
}
