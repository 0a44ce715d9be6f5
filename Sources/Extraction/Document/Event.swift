/// A CAMEO-coded event: who did what to whom, when and where.
public struct Event: Hashable, Sendable {
    /// CAMEO event code ("057", "190", …).
    public var code: String
    /// CAMEO label ("Sign formal agreement").
    public var label: String
    /// The word or phrase that triggered the coding ("join", "attack").
    public var trigger: String
    /// Entity id of the source actor, if any.
    public var source: String?
    /// Entity id of the target actor, if any.
    public var target: String?
    /// ISO date value (any granularity) or `nil`.
    public var date: String?
    /// Entity id of the location, if any.
    public var location: String?
    /// Index into `Document.sentences` of the evidence sentence.
    public var sentence: Int
    /// Span of the evidence sentence in the article text.
    public var span: TextSpan
    /// CAMEO quad class (1 verbal cooperation … 4 material conflict), 0 when unknown.
    public var quadClass: Int
    /// Goldstein score of the code, 0 when unknown.
    public var goldstein: Double

    /// Creates an event.
    public init(
        code: String, label: String, trigger: String, source: String? = nil, target: String? = nil,
        date: String? = nil, location: String? = nil, sentence: Int, span: TextSpan, quadClass: Int = 0,
        goldstein: Double = 0
    ) {
        self.code = code
        self.label = label
        self.trigger = trigger
        self.source = source
        self.target = target
        self.date = date
        self.location = location
        self.sentence = sentence
        self.span = span
        self.quadClass = quadClass
        self.goldstein = goldstein
    }
}
