/// A half-open range of Unicode-scalar offsets into an article's text (title excluded).
public struct TextSpan: Hashable, Sendable, Codable {
    /// Offset of the first scalar.
    public var start: Int
    /// Offset one past the last scalar.
    public var end: Int

    /// Creates a span; `end` must not be before `start`.
    public init(start: Int, end: Int) {
        precondition(end >= start, "TextSpan end before start")
        self.start = start
        self.end = end
    }

    /// Number of scalars covered.
    public var length: Int { end - start }

    /// The span moved right by `offset` scalars (used when a chunk is placed back into its article).
    public func shifted(by offset: Int) -> TextSpan {
        TextSpan(start: start + offset, end: end + offset)
    }
}
