/// The part-of-speech stage: gives every token a Penn Treebank tag.
public struct POSTagger: PipelineStage {
    public let name = "pos"
    public let requires: Set<Annotation> = [.tokens, .sentences]
    public let assigns: Set<Annotation> = [.partOfSpeech]
    /// The trained model.
    public let model: PartOfSpeechModel

    /// Creates the stage over a trained model.
    public init(model: PartOfSpeechModel) {
        self.model = model
    }

    public func apply(to document: inout Document) throws(ExtractionError) {
        let tags = model.tag(forms: document.taggerForms())
        for (sentence, tags) in zip(document.sentences, tags) {
            for (index, tag) in zip(sentence.tokens, tags) {
                document.tokens[index].partOfSpeech = tag
            }
        }
    }
}

extension POSTagger: BatchTaggingStage {
    func apply(toBatch documents: inout [Document], forms: BatchForms) {
        let tags = model.tag(forms: forms.forms)
        for (index, range) in zip(documents.indices, forms.documents) {
            for (sentence, tags) in zip(documents[index].sentences, tags[range]) {
                for (token, tag) in zip(sentence.tokens, tags) {
                    documents[index].tokens[token].partOfSpeech = tag
                }
            }
        }
    }
}
