/// A named annotation a stage can require or assign (spaCy's `requires`/`assigns`).
public enum Annotation: String, Hashable, Sendable, CaseIterable {
    case tokens, sentences, partOfSpeech, entityTags, mentions, entities, dates, events
}

/// One step of the extraction pipeline: takes the document and returns it annotated further.
public protocol PipelineStage: Sendable {
    /// Instance name, used in errors ("ner", "dates").
    var name: String { get }
    /// Annotations this stage reads.
    var requires: Set<Annotation> { get }
    /// Annotations this stage writes.
    var assigns: Set<Annotation> { get }
    /// Annotates `document` in place. Pure: no I/O, no clocks, no randomness.
    func apply(to document: inout Document) throws(ExtractionError)
}
