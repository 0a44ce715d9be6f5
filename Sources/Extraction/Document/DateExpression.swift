/// A temporal expression found in the text and its normalised value.
public struct DateExpression: Hashable, Sendable {
    /// The expression as written ("Thursday", "Oct. 7, 2023", "in May").
    public var text: String
    /// Where it sits in the article text.
    public var span: TextSpan
    /// ISO value at the expression's granularity (`2025-11-06`, `2025-05`, `1992`), or `nil` when
    /// it cannot be resolved (a relative expression with no article date).
    public var value: String?
    /// Index into `Document.sentences` of the sentence holding it.
    public var sentence: Int

    /// Creates a date expression.
    public init(text: String, span: TextSpan, value: String?, sentence: Int) {
        self.text = text
        self.span = span
        self.value = value
        self.sentence = sentence
    }
}
