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
        var document = try start(id: id, text: text, articleDate: articleDate)
        for stage in stages {
            try stage.apply(to: &document)
        }
        return document
    }

    /// One article of `run(batch:)`.
    public struct Article: Sendable {
        /// The article's id (for errors).
        public var id: String
        /// Its text.
        public var text: String
        /// Its date, if known.
        public var date: CalendarDate?

        /// Creates an article.
        public init(id: String, text: String, date: CalendarDate?) {
            self.id = id
            self.text = text
            self.date = date
        }
    }

    /// Runs every stage over each article, as `run(id:text:articleDate:)` would one by one (same
    /// documents, same errors), but the taggers tag the batch at once over one table of token
    /// forms, so the work per distinct word is shared by the batch's articles.
    public func run(batch articles: [Article]) -> [Result<Document, ExtractionError>] {
        var progress = start(batch: articles)
        while advance(&progress) {}
        return Self.results(of: [progress], count: articles.count)
    }

    /// A batch ready for its first stage (``BatchProgress``); the articles that cannot start (no
    /// words, too long) have failed already.
    public func start(batch articles: [Article]) -> BatchProgress {
        var progress = BatchProgress()
        for (index, article) in articles.enumerated() {
            do {
                progress.documents.append(try start(id: article.id, text: article.text, articleDate: article.date))
                progress.owners.append(index)
            } catch {
                progress.failures.append((index, error))
            }
        }
        return progress
    }

    /// Takes `progress` one step on: the next stage, if a tagger, over all its documents at once,
    /// else over the next few documents (``blockSize``); false when every stage had run already.
    /// A document a stage fails on leaves the batch with its error.
    @discardableResult
    public func advance(_ progress: inout BatchProgress) -> Bool {
        guard progress.stage < stages.count else { return false }
        let stage = stages[progress.stage]
        if let stage = stage as? any BatchTaggingStage {
            // Consecutive taggers share one table of the batch's forms.
            let forms = progress.forms ?? BatchForms(progress.documents)
            stage.apply(toBatch: &progress.documents, forms: forms)
            progress.forms = forms
            progress.stage += 1
            return true
        }
        progress.forms = nil
        var index = progress.done
        var end = min(index + Self.blockSize, progress.documents.count)
        while index < end {
            do {
                try stage.apply(to: &progress.documents[index])
                index += 1
            } catch {
                progress.failures.append((progress.owners[index], error))
                progress.documents.remove(at: index)
                progress.owners.remove(at: index)
                end -= 1
            }
        }
        progress.done = index
        if progress.done >= progress.documents.count {
            progress.stage += 1
            progress.done = 0
        }
        return true
    }

    /// Documents a step of a stage other than a tagger takes: a batch can be split between steps.
    static let blockSize = 8

    /// Whether `progress` has been through every stage.
    public func isFinished(_ progress: BatchProgress) -> Bool { progress.stage >= stages.count }

    /// Each article's document or error, in the order of the `count` articles the parts were
    /// split from (``BatchProgress/splitOff(_:)``), once every part is finished.
    public static func results(of parts: [BatchProgress], count: Int) -> [Result<Document, ExtractionError>] {
        var results = [Result<Document, ExtractionError>?](repeating: nil, count: count)
        for part in parts {
            for (owner, error) in part.failures { results[owner] = .failure(error) }
            for (document, owner) in zip(part.documents, part.owners) { results[owner] = .success(document) }
        }
        return results.map { $0 ?? .failure(.emptyArticle(id: "")) }
    }

    /// A new document of `text`, checked to have words and to be short enough.
    private func start(id: String, text: String, articleDate: CalendarDate?) throws(ExtractionError) -> Document {
        let document = Document(text: text, articleDate: articleDate)
        guard document.scalars.contains(where: { !$0.properties.isWhitespace }) else {
            throw .emptyArticle(id: id)
        }
        guard document.scalars.count <= maximumLength else {
            throw .articleTooLong(id: id, scalars: document.scalars.count, limit: maximumLength)
        }
        return document
    }
}
