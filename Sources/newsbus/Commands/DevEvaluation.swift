import Extraction
import Foundation

/// Scores trained models on held-out annotated documents (used by `newsbus train`).
enum DevEvaluation {
    /// A report: entity P/R/F1 per type and overall, both passes, POS accuracy and speed.
    static func run(
        _ documents: [AnnotatedDocument], entityModel: EntityModel, partOfSpeechModel: PartOfSpeechModel
    ) -> String {
        var scorer = EntityScorer()
        let started = Date()
        var tokenCount = 0
        for document in documents {
            let tokens = document.sentences.map(\.tokens)
            tokenCount += tokens.reduce(0) { $0 + $1.count }
            for (sentence, tags) in zip(document.sentences, entityModel.tag(document: tokens)) {
                scorer.add(gold: sentence.entityTags, predicted: tags)
            }
        }
        let entitySeconds = Date().timeIntervalSince(started)
        var correct = 0
        let posStarted = Date()
        for sentence in documents.flatMap(\.sentences) {
            let tags = partOfSpeechModel.tag(sentence: sentence.tokens)
            correct += zip(tags, sentence.partsOfSpeech).filter { $0 == $1 }.count
        }
        let posSeconds = Date().timeIntervalSince(posStarted)
        let accuracy = Double(correct) / Double(max(1, tokenCount))
        return """
            dev entities (exact span):
            \(scorer.report())
            dev POS accuracy: \(String(format: "%.4f", accuracy))
            speed: ner \(Int(Double(tokenCount) / max(entitySeconds, 1e-9))) tokens/s, \
            pos \(Int(Double(tokenCount) / max(posSeconds, 1e-9))) tokens/s
            """
    }
}
