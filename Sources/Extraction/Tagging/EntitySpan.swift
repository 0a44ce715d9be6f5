/// A typed run of tokens in a sentence, as read from IOB tags.
public struct EntitySpan: Hashable, Sendable {
    /// Token indices within the sentence.
    public var tokens: Range<Int>
    /// The CoNLL label (`PER`, `ORG`, `LOC`, `MISC`).
    public var label: String

    /// Creates a span.
    public init(tokens: Range<Int>, label: String) {
        self.tokens = tokens
        self.label = label
    }
}
