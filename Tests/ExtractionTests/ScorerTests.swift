import Testing

@testable import Extraction

@Suite("EntityScorer")
struct ScorerTests {
    private func score(_ pairs: [([String], [String])]) -> EntityScorer {
        var scorer = EntityScorer()
        for (gold, predicted) in pairs { scorer.add(gold: gold, predicted: predicted) }
        return scorer
    }

    @Test("identical tagging scores 1 everywhere")
    func perfect() {
        let tags = ["B-PER", "I-PER", "O", "B-LOC", "O", "B-ORG"]
        let scorer = score([(tags, tags)])
        #expect(scorer.overall == EntityScorer.Score(correct: 3, predicted: 3, gold: 3))
        #expect(scorer.overall.f1 == 1)
        #expect(scorer.byType["PER"]?.f1 == 1)
    }

    @Test("a span counts only with both boundaries and the type right", arguments: [
        (["B-PER", "I-PER"], ["B-PER", "O"]),
        (["B-PER", "I-PER"], ["B-PER", "B-PER"]),
        (["B-PER", "I-PER"], ["B-ORG", "I-ORG"]),
        (["O", "B-LOC"], ["B-LOC", "I-LOC"]),
    ])
    func partialMatches(gold: [String], predicted: [String]) {
        let scorer = score([(gold, predicted)])
        #expect(scorer.overall.correct == 0)
        #expect(scorer.overall.gold == 1)
        #expect(scorer.overall.predicted >= 1)
        #expect(scorer.overall.f1 == 0)
    }

    @Test("IOB1 gold and IOB2 predictions of the same entities agree")
    func iob1AgainstIOB2() {
        let iob1 = ["I-PER", "I-PER", "B-PER", "O", "I-LOC"]
        let iob2 = ["B-PER", "I-PER", "B-PER", "O", "B-LOC"]
        let scorer = score([(iob1, iob2)])
        #expect(scorer.overall == EntityScorer.Score(correct: 3, predicted: 3, gold: 3))
    }

    @Test("precision, recall and F1 are micro-averaged over sentences and types")
    func microAverage() {
        let scorer = score([
            (["B-PER", "O", "B-LOC"], ["B-PER", "O", "O"]),
            (["B-ORG", "I-ORG", "O"], ["B-ORG", "I-ORG", "B-MISC"]),
        ])
        #expect(scorer.overall == EntityScorer.Score(correct: 2, predicted: 3, gold: 3))
        #expect(abs(scorer.overall.precision - 2.0 / 3.0) < 1e-12)
        #expect(abs(scorer.overall.recall - 2.0 / 3.0) < 1e-12)
        #expect(scorer.byType["LOC"] == EntityScorer.Score(correct: 0, predicted: 0, gold: 1))
        #expect(scorer.byType["MISC"] == EntityScorer.Score(correct: 0, predicted: 1, gold: 0))
        #expect(scorer.byType["MISC"]?.f1 == 0)
    }

    @Test("the report has one line per type and an overall line")
    func report() {
        let scorer = score([(["B-PER", "O"], ["B-PER", "O"])])
        let lines = scorer.report().split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("PER"))
        #expect(lines[1].hasPrefix("overall"))
        #expect(lines[1].contains("F1 100.00"))
    }
}
