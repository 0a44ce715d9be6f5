/// Exact-span entity scoring as conlleval does it: a predicted entity counts only when its type
/// and both boundaries match a gold entity. Precision, recall and F1 per type and micro overall.
public struct EntityScorer: Sendable {
    /// Counts of one type (or of all types).
    public struct Score: Hashable, Sendable {
        /// Predicted entities that match a gold entity exactly.
        public var correct = 0
        /// Predicted entities.
        public var predicted = 0
        /// Gold entities.
        public var gold = 0

        /// Correct over predicted (0 when nothing was predicted).
        public var precision: Double { predicted == 0 ? 0 : Double(correct) / Double(predicted) }
        /// Correct over gold (0 when there is no gold entity).
        public var recall: Double { gold == 0 ? 0 : Double(correct) / Double(gold) }
        /// Harmonic mean of precision and recall (0 when both are 0).
        public var f1: Double {
            precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        }
    }

    /// Scores per CoNLL label (`PER`, `ORG`, …).
    public private(set) var byType: [String: Score] = [:]
    /// Micro-averaged score over all types.
    public private(set) var overall = Score()

    /// An empty scorer.
    public init() {}

    /// Adds one sentence: gold and predicted tags (IOB1 or IOB2), one per token.
    public mutating func add(gold: [String], predicted: [String]) {
        let goldSpans = Set(TagScheme.spans(gold))
        let predictedSpans = Set(TagScheme.spans(predicted))
        for span in goldSpans {
            byType[span.label, default: Score()].gold += 1
            overall.gold += 1
        }
        for span in predictedSpans {
            byType[span.label, default: Score()].predicted += 1
            overall.predicted += 1
            if goldSpans.contains(span) {
                byType[span.label, default: Score()].correct += 1
                overall.correct += 1
            }
        }
    }

    /// A conlleval-like table: one line per type, then the overall line.
    public func report() -> String {
        func line(_ name: String, _ score: Score) -> String {
            func percent(_ value: Double) -> String {
                let hundredths = Int((value * 10_000).rounded())
                let text = "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
                return String(repeating: " ", count: max(0, 6 - text.count)) + text
            }
            let padded = name + String(repeating: " ", count: max(0, 8 - name.count))
            return "\(padded) precision \(percent(score.precision))  recall \(percent(score.recall))  "
                + "F1 \(percent(score.f1))  "
                + "(gold \(score.gold), predicted \(score.predicted), correct \(score.correct))"
        }
        let types = byType.keys.sorted().map { line($0, byType[$0] ?? Score()) }
        return (types + [line("overall", overall)]).joined(separator: "\n")
    }
}
