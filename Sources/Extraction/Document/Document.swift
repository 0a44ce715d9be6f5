/// The one annotation container every pipeline stage reads and writes (spaCy's `Doc`).
///
/// All offsets are Unicode-scalar offsets into `text`. Stages only append or fill in
/// annotations; none of them changes `text`.
public struct Document: Sendable {
    /// The article body (title excluded).
    public let text: String
    /// `text` as scalars, for offset arithmetic.
    public let scalars: [Unicode.Scalar]
    /// The article's publication date, used to resolve relative dates; `nil` when unknown.
    public var articleDate: CalendarDate?
    /// Tokens in text order.
    public var tokens: [Token] = []
    /// Sentences in text order, covering every token exactly once.
    public var sentences: [Sentence] = []
    /// Named-entity mentions in text order.
    public var mentions: [Mention] = []
    /// Canonical entities in order of first mention.
    public var entities: [Entity] = []
    /// Temporal expressions in text order.
    public var dates: [DateExpression] = []
    /// Coded events in text order.
    public var events: [Event] = []
    /// The taggers' token forms, built by the first tagger and reused by the next (a cache over
    /// `tokens` and `sentences`; see `taggerForms()`).
    var taggerFormsCache: TaggerFormsCache?

    /// Creates an empty document over `text`.
    public init(text: String, articleDate: CalendarDate? = nil) {
        self.text = text
        self.scalars = Array(text.unicodeScalars)
        self.articleDate = articleDate
    }

    /// The text covered by `span`.
    public func text(in span: TextSpan) -> String {
        ScalarText.string(scalars[span.start..<span.end])
    }

    /// Index of the sentence holding token `index`, or `nil`.
    public func sentenceIndex(ofToken index: Int) -> Int? {
        var low = 0
        var high = sentences.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = sentences[middle].tokens
            if index < range.lowerBound {
                high = middle - 1
            } else if index >= range.upperBound {
                low = middle + 1
            } else {
                return middle
            }
        }
        return nil
    }
}
