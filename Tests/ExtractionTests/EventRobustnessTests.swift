import Testing

@testable import Extraction

/// Arbitrary tag sequences, entity placements and sentence ends never crash the coder, and
/// every event it returns points at real entities and sentences.
@Suite("Event coder robustness")
struct EventRobustnessTests {
    static let words: [(String, String)] = [
        ("Israel", "NNP"), ("attacked", "VBD"), ("was", "VBD"), ("attacked", "VBN"), ("by", "IN"), ("and", "CC"),
        (",", ","), ("will", "MD"), ("not", "RB"), ("meet", "VB"), ("with", "IN"), ("to", "TO"), ("the", "DT"),
        ("attack", "NN"), ("'s", "POS"), ("in", "IN"), ("that", "IN"), ("who", "WP"), ("said", "VBD"), ("he", "PRP"),
        ("signed", "VBD"), ("accord", "NN"), ("between", "IN"), ("talks", "NNS"), ("trip", "NN"), ("of", "IN"),
        ("Gaza", "NNP"), ("joining", "VBG"), ("—", ":"), (".", "."), ("expected", "VBN"), ("visit", "VB"),
    ]

    /// A small deterministic generator (64-bit LCG) so failures reproduce.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    @Test("random documents", arguments: 0..<40)
    func random(seed: Int) throws {
        var generator = Generator(state: UInt64(seed + 1))
        let length = 1 + generator.next(60)
        let tagged = (0..<length).map { _ in
            let (word, tag) = Self.words[generator.next(Self.words.count)]
            return "\(word)/\(tag)"
        }.joined(separator: " ")
        let entities: [EventTestDocuments.EntitySpec] = [
            .init("Israel", .location, "ISR"), .init("Gaza", .location, "PSE"), .init("he", .person),
            .init("accord", .misc),
        ]
        var document = EventTestDocuments.document(tagged, entities: entities, dates: [("Gaza", "2025-01-02")])
        try EventTestDocuments.shippedCoder().apply(to: &document)
        let ids = Set(document.entities.map(\.id))
        for event in document.events {
            #expect(document.sentences.indices.contains(event.sentence))
            #expect(event.source.map { ids.contains($0) } ?? true)
            #expect(event.target.map { ids.contains($0) } ?? true)
            #expect(event.location.map { ids.contains($0) } ?? true)
            #expect(event.source == nil || event.source != event.target)
            #expect(!event.code.isEmpty)
        }
    }
}
