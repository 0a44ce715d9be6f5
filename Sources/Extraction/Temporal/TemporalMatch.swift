/// A temporal expression found in a sentence, before it is resolved.
struct TemporalMatch: Hashable, Sendable {
    /// Indices into `Document.tokens`.
    var tokens: Range<Int>
    /// What it means.
    var reference: TemporalReference
}
