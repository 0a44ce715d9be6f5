/// One sentence of a gold-annotated corpus.
public struct AnnotatedSentence: Hashable, Sendable {
    /// The tokens.
    public var tokens: [String]
    /// Penn Treebank tag per token.
    public var partsOfSpeech: [String]
    /// IOB2 entity tag per token.
    public var entityTags: [String]

    /// Creates a sentence; the three arrays have one entry per token.
    public init(tokens: [String], partsOfSpeech: [String], entityTags: [String]) {
        precondition(tokens.count == partsOfSpeech.count && tokens.count == entityTags.count, "ragged sentence")
        self.tokens = tokens
        self.partsOfSpeech = partsOfSpeech
        self.entityTags = entityTags
    }
}

/// One document (a news article) of a gold-annotated corpus.
public struct AnnotatedDocument: Hashable, Sendable {
    /// The sentences in order.
    public var sentences: [AnnotatedSentence]

    /// Creates a document.
    public init(sentences: [AnnotatedSentence]) {
        self.sentences = sentences
    }
}
