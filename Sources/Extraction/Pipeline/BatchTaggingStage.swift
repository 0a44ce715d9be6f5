/// A stage that tags several documents at once over one table of their token forms, with the
/// same result per document as `apply(to:)`: work that depends on a form alone (its cached weight
/// sums) is then done once per batch instead of once per document.
protocol BatchTaggingStage: PipelineStage {
    /// Annotates every document of `documents`, whose token forms are `forms`.
    func apply(toBatch documents: inout [Document], forms: BatchForms)
}

/// The tagger forms of a batch of documents: every sentence of every document in order, and each
/// document's range of those sentences.
struct BatchForms: Sendable {
    /// The forms of all sentences.
    let forms: TokenForms
    /// Per document, its range of `forms.sentences`.
    let documents: [Range<Int>]

    /// The forms of `documents` (tokenised and split into sentences).
    init(_ documents: [Document]) {
        var sentences: [[String]] = []
        var ranges: [Range<Int>] = []
        for document in documents {
            let first = sentences.count
            for sentence in document.sentences {
                sentences.append(sentence.tokens.map { TokenNormalizer.conllForm(document.tokens[$0].text) })
            }
            ranges.append(first..<sentences.count)
        }
        forms = TokenForms(sentences)
        self.documents = ranges
    }
}
