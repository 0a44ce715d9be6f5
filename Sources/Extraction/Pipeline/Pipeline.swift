/// An ordered list of named stages, run as a fold over one `Document`.
public struct Pipeline: Sendable {
    /// The stages in the order they run.
    public let stages: [any PipelineStage]
    /// Longest article accepted, in Unicode scalars.
    public let maximumLength: Int

    /// Builds a pipeline, checking that every stage's requirements are assigned by an earlier one.
    public init(stages: [any PipelineStage], maximumLength: Int = 1_000_000) throws(ExtractionError) {
        var assigned: Set<Annotation> = []
        for stage in stages {
            if let missing = stage.requires.subtracting(assigned).sorted(by: { $0.rawValue < $1.rawValue }).first {
                throw .missingRequirement(stage: stage.name, requires: missing.rawValue)
            }
            assigned.formUnion(stage.assigns)
        }
        self.stages = stages
        self.maximumLength = maximumLength
    }

    /// Runs every stage over `text`.
    public func run(id: String, text: String, articleDate: CalendarDate?) throws(ExtractionError) -> Document {
        var document = Document(text: text, articleDate: articleDate)
        guard document.scalars.contains(where: { !$0.properties.isWhitespace }) else {
            throw .emptyArticle(id: id)
        }
        guard document.scalars.count <= maximumLength else {
            throw .articleTooLong(id: id, scalars: document.scalars.count, limit: maximumLength)
        }
        for stage in stages {
            try stage.apply(to: &document)
        }
        return document
    }
}
