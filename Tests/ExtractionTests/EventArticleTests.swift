import Testing

@testable import Extraction

/// Sentences of the sample article (shared/samples/kazakhstan-abraham-accords.txt, dated
/// 2025-11-06) with hand-set POS tags, entities and dates, as the earlier stages would give them.
/// Nothing in the coder knows this article: these check the general rules on real news prose.
@Suite("Event coder on the sample article")
struct EventArticleTests {
    typealias Spec = EventTestDocuments.EntitySpec

    static let entities: [Spec] = [
        Spec("Kazakhstan", .location, "KAZ"), Spec("Kassym-Jomart Tokayev", .person, "KAZGOV"),
        Spec("Tokayev", .person, "KAZGOV"), Spec("Abraham Accords", .misc), Spec("White House", .organization, "USAGOV"),
        Spec("Washington Examiner", .organization, "USAMED"), Spec("Trump", .person, "USAGOV"),
        Spec("Central Asian", .misc), Spec("Muslim", .misc), Spec("Shavkat Mirziyoyev", .person, "UZBGOV"),
        Spec("Uzbekistan", .location, "UZB"), Spec("Emomali Rahmon", .person, "TJKGOV"),
        Spec("Tajikistan", .location, "TJK"), Spec("Sudan", .location, "SDN"),
        Spec("United Arab Emirates", .location, "ARE"), Spec("Bahrain", .location, "BHR"),
        Spec("Morocco", .location, "MAR"), Spec("Hamas", .organization, "PSEREBHMS"), Spec("Israel", .location, "ISR"),
        Spec("Riyadh", .location, "SAU"), Spec("Saudi Arabia", .location, "SAU"),
        Spec("Mohammed bin Salman al Saud", .person, "SAUGOV"), Spec("Washington", .location, "USA"),
    ]

    /// The sentences, in article order, with their date expressions.
    static let article: [(String, [(phrase: String, value: String)])] = [
        ("Kazakhstan/NNP President/NNP Kassym-Jomart/NNP Tokayev/NNP is/VBZ expected/VBN to/TO announce/VB that/IN his/PRP$ country/NN will/MD join/VB the/DT Abraham/NNP Accords/NNPS on/IN Thursday/NNP night/NN at/IN the/DT White/NNP House/NNP ,/, a/DT senior/JJ administration/NN official/NN confirmed/VBD to/TO the/DT Washington/NNP Examiner/NNP ./.",
         [("Thursday night", "2025-11-06")]),
        ("Tokayev/NNP is/VBZ one/CD of/IN five/CD leaders/NNS of/IN Central/NNP Asian/NNP countries/NNS ,/, all/DT of/IN which/WDT are/VBP majority/NN Muslim/NNP ,/, who/WP are/VBP set/VBN to/TO meet/VB with/IN Trump/NNP on/IN Thursday/NNP evening/NN ./.",
         [("Thursday evening", "2025-11-06")]),
        ("He/PRP will/MD be/VB joined/VBN by/IN President/NNP Shavkat/NNP Mirziyoyev/NNP of/IN Uzbekistan/NNP ,/, and/CC President/NNP Emomali/NNP Rahmon/NNP of/IN Tajikistan/NNP ./.",
         []),
        ("They/PRP are/VBP also/RB expected/VBN to/TO sign/VB new/JJ economic/JJ agreements/NNS ./.", []),
        ("Four/CD Arab/JJ countries/NNS —/: Sudan/NNP ,/, the/DT United/NNP Arab/NNP Emirates/NNPS ,/, Bahrain/NNP ,/, and/CC Morocco/NNP —/: joined/VBD the/DT Abraham/NNP Accords/NNPS during/IN the/DT first/JJ Trump/NNP administration/NN ,/, but/CC the/DT region/NN was/VBD forever/RB altered/VBN by/IN Hamas/NNP ’s/POS Oct./NNP 7/CD ,/, 2023/CD ,/, attack/NN in/IN Israel/NNP ./.",
         [("Oct. 7 , 2023", "2023-10-07")]),
        ("The/DT president/NN said/VBD during/IN a/DT trip/NN to/TO Riyadh/NNP in/IN May/NNP that/IN it/PRP ’s/VBZ his/PRP$ dream/NN that/IN Saudi/NNP Arabia/NNP would/MD join/VB the/DT Abraham/NNP Accords/NNPS ./.",
         [("May", "2025-05")]),
        ("Saudi/NNP Crown/NNP Prince/NNP Mohammed/NNP bin/NNP Salman/NNP al/NNP Saud/NNP is/VBZ set/VBN to/TO travel/VB to/TO Washington/NNP on/IN Nov./NNP 18/CD ./.",
         [("Nov. 18", "2025-11-18")]),
    ]

    static func coded() throws -> Document {
        var document = EventTestDocuments.document(
            article.map(\.0).joined(separator: " "), entities: entities, dates: article.flatMap(\.1))
        try EventTestDocuments.shippedCoder().apply(to: &document)
        return document
    }

    private func events(_ document: Document, sentence: Int) -> [Event] {
        document.events.filter { $0.sentence == sentence }
    }

    private func id(_ name: String, _ document: Document) -> String? {
        document.entities.first { $0.name == name }?.id
    }

    @Test("Kazakhstan is expected to announce it will join the Abraham Accords: intent, Thursday")
    func joining() throws {
        let document = try Self.coded()
        let event = try #require(events(document, sentence: 0).first { $0.trigger == "join" })
        #expect(event.code == "032")
        #expect(event.label.hasPrefix("Express intent"))
        #expect(event.source == id("Kassym-Jomart Tokayev", document))
        #expect(event.target == id("Abraham Accords", document))
        #expect(event.date == "2025-11-06")
        #expect(!events(document, sentence: 0).contains { $0.trigger == "confirmed" }, "the official is nobody we know")
    }

    @Test("five leaders set to meet with Trump on Thursday: meeting intent, both ways")
    func meeting() throws {
        let document = try Self.coded()
        let meetings = events(document, sentence: 1).filter { $0.trigger == "meet with" }
        let event = try #require(meetings.first)
        #expect(event.code == "036")
        #expect(event.source == id("Tokayev", document))
        #expect(event.target == id("Trump", document))
        #expect(event.date == "2025-11-06")
    }

    @Test("He will be joined by presidents: passive with pronoun subject from the sentence before")
    func joinedBy() throws {
        let document = try Self.coded()
        let joined = events(document, sentence: 2)
        #expect(Set(joined.compactMap(\.source)) == Set(["Shavkat Mirziyoyev", "Emomali Rahmon"].compactMap { id($0, document) }))
        #expect(joined.allSatisfy { $0.target == id("Tokayev", document) })
        #expect(joined.allSatisfy { $0.code.hasPrefix("03") })
    }

    @Test("they are expected to sign economic agreements: intent to cooperate economically")
    func economicAgreements() throws {
        let document = try Self.coded()
        let event = try #require(events(document, sentence: 3).first)
        #expect(event.code == "0311")
        #expect(event.trigger == "sign")
        #expect(event.source == id("Tokayev", document))
        #expect(event.date == nil)
    }

    @Test("four Arab countries joined the accords; Hamas's Oct. 7, 2023 attack in Israel")
    func joinedAndAttack() throws {
        let document = try Self.coded()
        let sentence = events(document, sentence: 4)
        let joins = sentence.filter { $0.trigger == "joined" }
        #expect(joins.count == 4)
        #expect(joins.allSatisfy { $0.code == "057" && $0.target == id("Abraham Accords", document) })
        #expect(joins.allSatisfy { $0.date == "2025-11-06" }, "the attack's date belongs to the other clause")
        let attack = try #require(sentence.first { $0.trigger == "attack" })
        #expect(attack.code.hasPrefix("19"))
        #expect(attack.source == id("Hamas", document))
        #expect(attack.target == id("Israel", document))
        #expect(attack.location == id("Israel", document))
        #expect(attack.date == "2023-10-07")
    }

    @Test("a trip to Riyadh in May is a visit dated 2025-05")
    func trip() throws {
        let document = try Self.coded()
        let sentence = events(document, sentence: 5)
        let visit = try #require(sentence.first { $0.trigger == "trip" })
        #expect(visit.code == "042")
        #expect(visit.target == id("Riyadh", document))
        #expect(visit.date == "2025-05")
        let join = try #require(sentence.first { $0.trigger == "join" })
        #expect(join.source == id("Saudi Arabia", document))
        #expect(join.date == nil, "would join is hypothetical: no date")
    }

    @Test("the crown prince is set to travel to Washington on Nov. 18")
    func travel() throws {
        let document = try Self.coded()
        let event = try #require(events(document, sentence: 6).first { $0.source == id("Mohammed bin Salman al Saud", document) })
        #expect(event.code == "036")
        #expect(event.trigger == "travel")
        #expect(event.target == id("Washington", document))
        #expect(event.date == "2025-11-18")
    }

    @Test("events come in text order with sentence spans")
    func order() throws {
        let document = try Self.coded()
        #expect(document.events.map(\.sentence) == document.events.map(\.sentence).sorted())
        for event in document.events {
            #expect(event.span == document.sentences[event.sentence].span)
        }
    }
}
