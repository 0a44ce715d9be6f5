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
        var results = [Result<Document, ExtractionError>?](repeating: nil, count: articles.count)
        var documents: [Document] = []
        var owners: [Int] = []
        for (index, article) in articles.enumerated() {
            do {
                documents.append(try start(id: article.id, text: article.text, articleDate: article.date))
                owners.append(index)
            } catch {
                results[index] = .failure(error)
            }
        }
        var forms: BatchForms?
        for stage in stages {
            if let stage = stage as? any BatchTaggingStage {
                let batchForms = forms ?? BatchForms(documents)
                stage.apply(toBatch: &documents, forms: batchForms)
                forms = batchForms
                continue
            }
            forms = nil
            var failed: [Int] = []
            for index in documents.indices {
                do {
                    try stage.apply(to: &documents[index])
                } catch {
                    results[owners[index]] = .failure(error)
                    failed.append(index)
                }
            }
            for index in failed.reversed() {
                documents.remove(at: index)
                owners.remove(at: index)
            }
        }
        for (document, owner) in zip(documents, owners) { results[owner] = .success(document) }
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
