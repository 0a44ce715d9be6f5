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
        Self.assign(tags[...], to: &document)
    }

    /// Stores the IOB2 tags of every sentence of `document` and its mentions.
    private static func assign(_ tags: ArraySlice<[String]>, to document: inout Document) {
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

extension NERTagger: BatchTaggingStage {
    func apply(toBatch documents: inout [Document], forms: BatchForms) {
        let tags = model.tag(forms: forms.forms, documents: forms.documents)
        for (index, range) in zip(documents.indices, forms.documents) {
            documents[index].taggerFormsCache = nil
            Self.assign(tags[range], to: &documents[index])
        }
    }
}
