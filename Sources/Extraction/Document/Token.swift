/// One token of the article, with the annotations later stages assign to it.
public struct Token: Hashable, Sendable {
    /// The token's text exactly as it appears in the article.
    public var text: String
    /// Where the token sits in the article text.
    public var span: TextSpan
    /// Penn Treebank part-of-speech tag (`NNP`, `VBD`, …); empty until the POS stage runs.
    public var partOfSpeech: String
    /// IOB2 named-entity tag (`B-PER`, `I-ORG`, `O`, …); `O` until the NER stage runs.
    public var entityTag: String

    /// Creates an untagged token.
    public init(text: String, span: TextSpan, partOfSpeech: String = "", entityTag: String = "O") {
        self.text = text
        self.span = span
        self.partOfSpeech = partOfSpeech
        self.entityTag = entityTag
    }
}
