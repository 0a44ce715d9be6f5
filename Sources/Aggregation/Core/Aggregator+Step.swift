import Foundation
import NewsWire

extension Aggregator {
    /// What one call gathered: scheduler actions, writes and dropped replies.
    struct Step {
        var actions: [ChunkScheduler<Instant>.Action] = []
        var batch = StoreBatch()
        var touched: Set<JobID> = []
        var dropped: [String] = []
    }

    /// Carries out the scheduler's actions: one transaction for sends, results and failures, then
    /// finishing jobs and writing their reports.
    mutating func carryOut(_ step: inout Step, date: Date) throws(AggregationError) -> Output {
        var output = Output()
        output.dropped = step.dropped
        var sends: [(key: ChunkKey, attempt: Int)] = []
        var finished: [(JobID, SchedulerStats)] = []
        for action in step.actions {
            switch action {
            case .send(let key, let attempt):
                sends.append((key, attempt))
                step.touched.insert(key.job)
            case .failArticle(let job, let article, let reason):
                step.batch.failedArticles.append((job, article, reason))
                merges[job]?.close(article: article)
            case .jobFinished(let job, let stats):
                finished.append((job, stats))
            }
        }
        step.batch.sent = sends.map(\.key)
        for job in step.touched {
            if let stats = scheduler.stats(for: job) { step.batch.stats[job] = stats }
        }
        do {
            try store.apply(step.batch)
        } catch {
            // The merges may hold results the store does not: merge those jobs from the store later.
            for job in step.touched { merges[job] = nil }
            throw error
        }
        output.requests = try requests(for: sends)
        for (job, stats) in finished {
            let merged = merges.removeValue(forKey: job)?.result()
            // The events are over half of report.json and need only the merge: their rendering
            // starts now, beside finishing the job in the store and building the rest of the report.
            let events = configuration.reportsDirectory == nil ? nil : merged.map { merged in
                Parallel.start { ReportJSON.events(merged.events) }
            }
            payloads[job] = nil
            try store.finish(job: job, at: date, stats: stats)
            if let directory = configuration.reportsDirectory {
                let report = try ReportBuilder(store: store).report(for: job, merged: merged)
                try ReportWriter().write(
                    report, to: (directory as NSString).appendingPathComponent(job.rawValue), events: events)
                // Every entity, event and date of the job, freed object by object (~4 ms for 1,000
                // articles): on another thread, not before the job counts as finished.
                Parallel.release((report, events))
            }
            output.finished.append(job)
        }
        return output
    }

    private func requests(for sends: [(key: ChunkKey, attempt: Int)]) throws(AggregationError)
        -> [Newsbus_V1_ExtractRequest]
    {
        guard !sends.isEmpty else { return [] }
        let missing = sends.map(\.key).filter { payloads[$0.job]?[$0.chunk] == nil }
        let stored = Dictionary(
            try store.payloads(missing).map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let attempts = Dictionary(sends.map { ($0.key, $0.attempt) }, uniquingKeysWith: max)
        return sends.compactMap { send in payloads[send.key.job]?[send.key.chunk] ?? stored[send.key] }.map { payload in
            var request = Newsbus_V1_ExtractRequest()
            request.schemaVersion = newsbusSchemaVersion
            request.jobID = payload.key.job.rawValue
            request.chunkID = payload.key.description
            request.articleID = payload.articleID
            request.articleDate = payload.articleDate ?? ""
            request.text = payload.text
            request.offset = UInt32(clamping: payload.offset)
            request.attempt = UInt32(clamping: attempts[payload.key] ?? 1)
            return request
        }
    }

    /// The rendered report of `job`: a finished job's files as written when it finished (rendered
    /// once), otherwise rendered now from the store.
    func reportFiles(for job: JobID) throws(AggregationError) -> ReportWriter.Files {
        let stored = try store.job(job)
        if stored.state == .done, let directory = configuration.reportsDirectory,
            let files = ReportWriter.read(from: (directory as NSString).appendingPathComponent(job.rawValue))
        {
            return files
        }
        return try ReportWriter().render(try report(for: job))
    }

    /// Builds the report of `job` from the store (finished or not).
    public func report(for job: JobID) throws(AggregationError) -> Report {
        try ReportBuilder(store: store).report(for: job)
    }
}
