import Articles
public import Foundation
public import NewsWire

extension Aggregator {
    /// Answers one `newsbus.jobs` request (submit, status or report). Errors become an `ErrorReply`;
    /// only store failures are thrown. `makeJobID` is called once for a submit.
    public mutating func handle(
        _ request: Newsbus_V1_JobRequest, makeJobID: () -> JobID, now: Instant, date: Date
    ) throws(AggregationError) -> (reply: Newsbus_V1_JobReply, output: Output) {
        guard request.schemaVersion == newsbusSchemaVersion else {
            return (
                Self.errorReply(
                    "bad_request",
                    "schema version \(request.schemaVersion) is not \(newsbusSchemaVersion); use a matching newsbus client"
                ), Output()
            )
        }
        switch request.command {
        case .submit(let submit):
            return try handleSubmit(submit, id: makeJobID(), now: now, date: date)
        case .status(let query):
            return (try statusReply(query), Output())
        case .report(let query):
            return (try reportReply(query), Output())
        case nil:
            return (Self.errorReply("bad_request", "request has no command; send submit, status or report"), Output())
        }
    }

    private mutating func handleSubmit(
        _ submit: Newsbus_V1_SubmitJob, id: JobID, now: Instant, date: Date
    ) throws(AggregationError) -> (reply: Newsbus_V1_JobReply, output: Output) {
        if let problem = Self.problem(in: submit.articles) {
            return (Self.errorReply("bad_request", problem), Output())
        }
        let articles = submit.articles.map { article in
            Article(
                id: article.id, title: article.title, date: article.date.isEmpty ? nil : article.date,
                source: article.source.isEmpty ? nil : article.source, text: article.text)
        }
        let (job, output) = try self.submit(articles, name: submit.name, id: id, now: now, date: date)
        var reply = Newsbus_V1_JobReply()
        reply.schemaVersion = newsbusSchemaVersion
        reply.accepted = Self.status(of: try store.job(job.id))
        return (reply, output)
    }

    /// The largest article text a job may carry, in bytes of UTF-8: the article readers' default
    /// (10 MB), so a client that bypasses them cannot make the aggregator chunk and store more.
    static let maximumArticleBytes = 10_000_000

    /// Why a submitted job cannot be accepted, or `nil`.
    static func problem(in articles: [Newsbus_V1_Article]) -> String? {
        guard !articles.isEmpty else { return "the job has no articles; submit at least one" }
        var seen: Set<String> = []
        for (index, article) in articles.enumerated() {
            if article.id.isEmpty { return "article \(index + 1) has no id; give every article an id" }
            if !seen.insert(article.id).inserted {
                return "article id '\(article.id)' is used twice; ids must be unique"
            }
            if article.text.utf8.count > maximumArticleBytes {
                return "article '\(article.id)' has \(article.text.utf8.count) bytes of text, over the limit of "
                    + "\(maximumArticleBytes); split it into smaller articles"
            }
            if !article.date.isEmpty, !Article.isValidDate(article.date) {
                return "article '\(article.id)' has date '\(article.date)'; write dates as YYYY-MM-DD"
            }
        }
        return nil
    }

    private func statusReply(_ query: Newsbus_V1_StatusQuery) throws(AggregationError) -> Newsbus_V1_JobReply {
        let jobs: [StoredJob]
        if query.jobID.isEmpty {
            jobs = try store.jobs()
        } else {
            do {
                jobs = [try store.job(JobID(query.jobID))]
            } catch .unknownJob(let id) {
                return Self.errorReply("unknown_job", AggregationError.unknownJob(id).description)
            }
        }
        var reply = Newsbus_V1_JobReply()
        reply.schemaVersion = newsbusSchemaVersion
        var list = Newsbus_V1_JobStatusList()
        list.jobs = jobs.map(Self.status)
        reply.statuses = list
        return reply
    }

    private func reportReply(_ query: Newsbus_V1_ReportQuery) throws(AggregationError) -> Newsbus_V1_JobReply {
        let files: ReportWriter.Files
        do {
            files = try reportFiles(for: JobID(query.jobID))
        } catch .unknownJob(let id) {
            return Self.errorReply("unknown_job", AggregationError.unknownJob(id).description)
        }
        var reply = Newsbus_V1_JobReply()
        reply.schemaVersion = newsbusSchemaVersion
        var message = Newsbus_V1_ReportFiles()
        message.jobID = query.jobID
        message.json = files.json
        message.markdown = files.markdown
        message.html = files.html
        reply.report = message
        return reply
    }

    /// The wire status of a stored job.
    public static func status(of job: StoredJob) -> Newsbus_V1_JobStatus {
        var status = Newsbus_V1_JobStatus()
        status.jobID = job.id.rawValue
        status.name = job.name
        status.state = job.state.rawValue
        status.articles = UInt32(clamping: job.articles)
        status.articlesFailed = UInt32(clamping: job.articlesFailed)
        status.chunksTotal = UInt32(clamping: job.chunks)
        status.chunksDone = UInt32(clamping: job.chunksDone)
        status.retries = UInt32(clamping: job.stats.retries)
        status.submitted = ReportJSON.timestamp(job.submitted)
        status.finished = job.finished.map(ReportJSON.timestamp) ?? ""
        return status
    }

    /// A reply carrying an error code and a message that says what to do.
    public static func errorReply(_ code: String, _ message: String) -> Newsbus_V1_JobReply {
        var error = Newsbus_V1_ErrorReply()
        error.code = code
        error.message = message
        var reply = Newsbus_V1_JobReply()
        reply.schemaVersion = newsbusSchemaVersion
        reply.error = error
        return reply
    }
}
