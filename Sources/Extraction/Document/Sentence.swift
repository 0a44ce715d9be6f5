/// A sentence: a contiguous run of tokens.
public struct Sentence: Hashable, Sendable {
    /// Indices into `Document.tokens`.
    public var tokens: Range<Int>
    /// From the first token's start to the last token's end.
    public var span: TextSpan

    /// Creates a sentence over the given tokens.
    public init(tokens: Range<Int>, span: TextSpan) {
        self.tokens = tokens
        self.span = span
    }
}
