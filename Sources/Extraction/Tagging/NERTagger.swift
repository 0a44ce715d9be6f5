/// The named-entity stage: tags every token with IOB2 (`B-PER`, `I-ORG`, `O`, …) and records one
/// `Mention` per entity span.
public struct NERTagger: PipelineStage {
    public let name = "ner"
    public let requires: Set<Annotation> = [.tokens, .sentences]
    public let assigns: Set<Annotation> = [.entityTags, .mentions]
    /// The trained model.
    public let model: EntityModel

    /// Creates the stage over a trained model.
    public init(model: EntityModel) {
        self.model = model
    }

    public func apply(to document: inout Document) throws(ExtractionError) {
        let tags = model.tag(forms: document.taggerForms())
        document.taggerFormsCache = nil
        var mentions: [Mention] = []
        for (sentence, sentenceTags) in zip(document.sentences, tags) {
            let first = sentence.tokens.lowerBound
            for (offset, tag) in sentenceTags.enumerated() { document.tokens[first + offset].entityTag = tag }
            for span in TagScheme.spans(sentenceTags) {
                guard let type = EntityType(conllLabel: span.label) else { continue }
                let range = (first + span.tokens.lowerBound)..<(first + span.tokens.upperBound)
                let textSpan = TextSpan(
                    start: document.tokens[range.lowerBound].span.start,
                    end: document.tokens[range.upperBound - 1].span.end)
                mentions.append(Mention(tokens: range, span: textSpan, text: document.text(in: textSpan), type: type))
            }
        }
        document.mentions = mentions
    }
}
