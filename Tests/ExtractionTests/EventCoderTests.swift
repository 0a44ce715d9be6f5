import Testing

@testable import Extraction

/// The common news shapes, on hand-tagged sentences, with the shipped CAMEO dictionary.
@Suite("Event coder news shapes")
struct EventCoderTests {
    typealias Spec = EventTestDocuments.EntitySpec

    static let actors: [Spec] = [
        Spec("Israel", .location, "ISR"), Spec("Hamas", .organization, "PSEREBHMS"), Spec("Gaza", .location, "PSE"),
        Spec("Jordan", .location, "JOR"), Spec("Kazakhstan", .location, "KAZ"), Spec("Sudan", .location, "SDN"),
        Spec("Bahrain", .location, "BHR"), Spec("Morocco", .location, "MAR"), Spec("Abraham Accords", .misc),
        Spec("Tokayev", .person, "KAZGOV"), Spec("Trump", .person, "USAGOV"), Spec("Uzbekistan", .location, "UZB"),
        Spec("Shavkat Mirziyoyev", .person, "UZBGOV"), Spec("Tuesday", .misc), Spec("Riyadh", .location, "SAU"),
        Spec("Beijing", .location, "CHN"),
    ]

    private func code(_ tagged: String, dates: [(phrase: String, value: String)] = []) throws -> Document {
        var document = EventTestDocuments.document(tagged, entities: Self.actors, dates: dates)
        try EventTestDocuments.shippedCoder().apply(to: &document)
        return document
    }

    private func id(_ name: String, _ document: Document) -> String? {
        document.entities.first { $0.name == name }?.id
    }

    @Test("active voice: subject attacks object, in a place, on a day")
    func active() throws {
        let document = try code(
            "Israel/NNP attacked/VBD Hamas/NNP in/IN Gaza/NNP on/IN Tuesday/NNP ./.", dates: [("Tuesday", "2025-11-04")])
        let event = try #require(document.events.first)
        #expect(document.events.count == 1)
        #expect(event.code.hasPrefix("19"))
        #expect(event.trigger == "attacked")
        #expect(event.source == id("Israel", document))
        #expect(event.target == id("Hamas", document))
        #expect(event.location == id("Gaza", document))
        #expect(event.date == "2025-11-04")
        #expect(event.sentence == 0)
        #expect(event.span == document.sentences[0].span)
        #expect(event.quadClass == 4)
        #expect(event.goldstein < 0)
    }

    @Test("passive voice: the by-phrase is the source")
    func passive() throws {
        let document = try code("Hamas/NNP positions/NNS were/VBD attacked/VBN by/IN Israel/NNP ./.")
        let event = try #require(document.events.first)
        #expect(event.code.hasPrefix("19"))
        #expect(event.source == id("Israel", document))
        #expect(event.target == id("Hamas", document))
        #expect(event.date == "2025-11-06", "past tense without a date takes the article date")
    }

    @Test("reported speech codes the inner clause, not a statement about its subject")
    func reportedSpeech() throws {
        let document = try code(
            "Tokayev/NNP said/VBD Kazakhstan/NNP will/MD join/VB the/DT Abraham/NNP Accords/NNPS ./.")
        #expect(document.events.count == 1)
        let event = try #require(document.events.first)
        #expect(event.code == "032", "will join a treaty (057) is an intent to cooperate diplomatically")
        #expect(event.source == id("Kazakhstan", document))
        #expect(event.target == id("Abraham Accords", document))
        #expect(event.date == nil)
    }

    @Test("coordinated subjects give one event per source")
    func coordination() throws {
        let document = try code(
            "Sudan/NNP ,/, Bahrain/NNP and/CC Morocco/NNP joined/VBD the/DT Abraham/NNP Accords/NNPS ./.")
        #expect(document.events.map(\.code) == ["057", "057", "057"])
        #expect(document.events.compactMap(\.source) == ["Sudan", "Bahrain", "Morocco"].compactMap { id($0, document) })
        #expect(document.events.allSatisfy { $0.target == id("Abraham Accords", document) })
        #expect(document.events.allSatisfy { $0.date == "2025-11-06" })
    }

    @Test("a compound subject with no object acts on itself both ways")
    func reciprocal() throws {
        let document = try code("Israel/NNP and/CC Jordan/NNP signed/VBD a/DT peace/NN treaty/NN ./.")
        let pairs = Set(document.events.map { "\($0.code) \($0.source ?? "-") \($0.target ?? "-")" })
        let israel = try #require(id("Israel", document))
        let jordan = try #require(id("Jordan", document))
        #expect(pairs == ["057 \(israel) \(jordan)", "057 \(jordan) \(israel)"])
    }

    @Test("apposition: President X of Y acts as X")
    func apposition() throws {
        let document = try code(
            "President/NNP Shavkat/NNP Mirziyoyev/NNP of/IN Uzbekistan/NNP met/VBD Trump/NNP ./.")
        let event = try #require(document.events.first)
        #expect(event.code.hasPrefix("04"))
        #expect(event.source == id("Shavkat Mirziyoyev", document))
        #expect(event.target == id("Trump", document))
    }

    @Test("nominal event: possessor is the source, on-phrase the target")
    func nominal() throws {
        let document = try code("Hamas/NNP 's/POS attack/NN on/IN Israel/NNP shocked/VBD the/DT region/NN ./.")
        let event = try #require(document.events.first { $0.trigger == "attack" })
        #expect(event.code.hasPrefix("19"))
        #expect(event.source == id("Hamas", document))
        #expect(event.target == id("Israel", document))
        #expect(event.date == nil, "a nominal event has no tense: only a written date dates it")
    }

    @Test("negated actions code nothing", arguments: [
        "Israel/NNP did/VBD not/RB attack/VB Hamas/NNP ./.",
        "Israel/NNP has/VBZ never/RB attacked/VBN Hamas/NNP ./.",
        "Israel/NNP did/VBD n't/RB attack/VB Hamas/NNP ./.",
    ])
    func negation(tagged: String) throws {
        #expect(try code(tagged).events.isEmpty)
    }

    @Test("future and intended actions get intent codes and no article date")
    func intent() throws {
        let threat = try code("Israel/NNP will/MD attack/VB Hamas/NNP ./.")
        #expect(threat.events.map(\.code) == ["138"])
        #expect(threat.events.first?.date == nil)
        let deal = try code(
            "Kazakhstan/NNP is/VBZ expected/VBN to/TO sign/VB economic/JJ agreements/NNS with/IN Israel/NNP on/IN Thursday/NNP ./.",
            dates: [("Thursday", "2025-11-06")])
        let event = try #require(deal.events.first)
        #expect(event.code == "0311", "sign economic agreements (061) intended: 0311")
        #expect(event.source == id("Kazakhstan", deal))
        #expect(event.target == id("Israel", deal))
        #expect(event.date == "2025-11-06")
    }

    @Test("a possessor travels: Trump's trip to Riyadh in May")
    func possessiveTrip() throws {
        let document = try code(
            "Trump/NNP 's/POS trip/NN to/TO Riyadh/NNP in/IN May/NNP was/VBD short/JJ ./.", dates: [("May", "2025-05")])
        let event = try #require(document.events.first { $0.trigger == "trip" })
        #expect(event.code == "042")
        #expect(event.source == id("Trump", document))
        #expect(event.target == id("Riyadh", document))
        #expect(event.date == "2025-05")
        #expect(document.events.contains { $0.code == "043" && $0.source == id("Riyadh", document) })
    }

    @Test("a compound subject meeting somewhere meets each other, the place is the location")
    func meetingPlace() throws {
        let document = try code("Israel/NNP and/CC Jordan/NNP held/VBD talks/NNS in/IN Beijing/NNP ./.")
        let held = document.events.filter { $0.trigger == "held" }
        #expect(held.count == 2)
        #expect(held.allSatisfy { $0.code.hasPrefix("04") && $0.location == id("Beijing", document) })
        #expect(held.allSatisfy { $0.target != id("Beijing", document) })
    }

    @Test("an appeal is dated, the action appealed for is not")
    func appeal() throws {
        let document = try code("Trump/NNP urged/VBD Israel/NNP to/TO attack/VB Hamas/NNP ./.")
        let urged = try #require(document.events.first { $0.trigger == "urged" })
        #expect(urged.code == "020")
        #expect(urged.source == id("Trump", document))
        #expect(urged.target == id("Israel", document))
        #expect(urged.date == "2025-11-06")
        let attack = try #require(document.events.first { $0.trigger == "attack" })
        #expect(attack.source == id("Israel", document))
        #expect(attack.date == nil)
    }

    @Test("a parenthetical relative clause is skipped on the way to the subject")
    func parenthetical() throws {
        let document = try code(
            "Tokayev/NNP ,/, who/WP met/VBD Trump/NNP on/IN Monday/NNP ,/, attacked/VBD Hamas/NNP ./.")
        let attack = try #require(document.events.first { $0.trigger == "attacked" })
        #expect(attack.source == id("Tokayev", document))
        let met = try #require(document.events.first { $0.trigger == "met" })
        #expect(met.source == id("Tokayev", document))
        #expect(met.target == id("Trump", document))
    }

    @Test("saying something in a place is no statement to that place")
    func statementPlace() throws {
        let document = try code("Trump/NNP said/VBD in/IN Beijing/NNP that/IN Israel/NNP attacked/VBD Hamas/NNP ./.")
        #expect(!document.events.contains { $0.trigger == "said" })
        #expect(document.events.contains { $0.trigger == "attacked" && $0.source == id("Israel", document) })
    }

    @Test("a gerund after a preposition or a full verb asserts nothing")
    func gerund() throws {
        let document = try code("Israel/NNP accused/VBD Jordan/NNP of/IN attacking/VBG Hamas/NNP ./.")
        #expect(document.events.map(\.trigger) == ["accused"])
        let denial = try code("Jordan/NNP has/VBZ denied/VBN attacking/VBG Hamas/NNP ./.")
        #expect(!denial.events.contains { $0.trigger == "attacking" })
        let progressive = try code("Jordan/NNP is/VBZ attacking/VBG Hamas/NNP ./.")
        #expect(progressive.events.contains { $0.trigger == "attacking" && $0.source == id("Jordan", progressive) })
    }

    @Test("talks between X and Y: the parties meet each other")
    func between() throws {
        let document = try code("The/DT talks/NNS between/IN Israel/NNP and/CC Jordan/NNP ended/VBD ./.")
        let talks = document.events.filter { $0.trigger == "talks" }
        #expect(Set(talks.compactMap(\.source)) == Set(["Israel", "Jordan"].compactMap { id($0, document) }))
        #expect(talks.allSatisfy { $0.target != nil && $0.target != $0.source })
    }

    @Test("a common-noun subject is nobody: no event with a guessed source")
    func commonNounSubject() throws {
        let document = try code("Israel/NNP said/VBD crowds/NNS attacked/VBD Gaza/NNP ./.")
        #expect(document.events.allSatisfy { $0.source != id("Israel", document) || $0.code.hasPrefix("01") })
    }
}
