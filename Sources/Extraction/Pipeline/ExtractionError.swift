/// Everything that can go wrong inside the extraction pipeline.
public enum ExtractionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The article has no text to extract from.
    case emptyArticle(id: String)
    /// The article is longer than the pipeline accepts.
    case articleTooLong(id: String, scalars: Int, limit: Int)
    /// A stage ran before the stages it needs.
    case missingRequirement(stage: String, requires: String)
    /// A model or table could not be decoded.
    case malformedModel(name: String, reason: String)

    /// What went wrong and what to do about it.
    public var description: String {
        switch self {
        case .emptyArticle(let id):
            "article '\(id)' has no text; give it a body or leave it out"
        case .articleTooLong(let id, let scalars, let limit):
            "article '\(id)' has \(scalars) characters, over the limit of \(limit); split it into smaller articles"
        case .missingRequirement(let stage, let requires):
            "pipeline stage '\(stage)' needs '\(requires)', which no earlier stage assigns; fix the pipeline order"
        case .malformedModel(let name, let reason):
            "model '\(name)' is unreadable (\(reason)); rebuild it with `newsbus train`"
        }
    }
}
