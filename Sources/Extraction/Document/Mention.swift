/// One occurrence of a named entity in the text.
public struct Mention: Hashable, Sendable {
    /// Indices into `Document.tokens`.
    public var tokens: Range<Int>
    /// Where the mention sits in the article text.
    public var span: TextSpan
    /// The mention's text as written ("Tokayev", "U.S.").
    public var text: String
    /// The type the tagger (or a later stage) gave it.
    public var type: EntityType
    /// Index into `Document.entities` once canonicalisation has run.
    public var entity: Int?

    /// Creates a mention not yet linked to an entity.
    public init(tokens: Range<Int>, span: TextSpan, text: String, type: EntityType, entity: Int? = nil) {
        self.tokens = tokens
        self.span = span
        self.text = text
        self.type = type
        self.entity = entity
    }
}
