import Foundation

/// Renders `report.json` in the DESIGN.md job-level shape (absent values are `null`, keys sorted).
enum ReportJSON {
    /// The JSON bytes of `report`.
    static func render(_ report: Report) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(Document(report: report))
        data.append(0x0A)
        return data
    }

    /// ISO 8601 UTC with seconds, e.g. `2025-11-06T14:22:33Z`.
    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC") ?? .current))
    }

    private struct Document: Encodable {
        let report: Report

        enum Keys: String, CodingKey {
            case job, articles, entities, dates, events, stats
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(JobObject(job: report.job), forKey: .job)
            try container.encode(report.articles.map(ArticleObject.init), forKey: .articles)
            try container.encode(report.entities.map(EntityObject.init), forKey: .entities)
            try container.encode(report.dates.map(DateObject.init), forKey: .dates)
            try container.encode(report.events.map(EventObject.init), forKey: .events)
            try container.encode(StatsObject(stats: report.stats), forKey: .stats)
        }
    }

    private struct JobObject: Encodable {
        let job: Report.Job
        enum Keys: String, CodingKey { case id, name, submitted, finished }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(job.id, forKey: .id)
            try container.encode(job.name, forKey: .name)
            try container.encode(timestamp(job.submitted), forKey: .submitted)
            try container.encode(job.finished.map(timestamp), forKey: .finished)
        }
    }

    private struct ArticleObject: Encodable {
        let article: Report.ArticleEntry
        enum Keys: String, CodingKey { case id, title, date, source, status, error }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(article.id, forKey: .id)
            try container.encode(article.title, forKey: .title)
            try container.encode(article.date, forKey: .date)
            try container.encode(article.source, forKey: .source)
            try container.encode(article.status, forKey: .status)
            try container.encode(article.error, forKey: .error)
        }
    }

    private struct EntityObject: Encodable {
        let entity: Report.EntityEntry
        enum Keys: String, CodingKey { case id, name, type, country, mentions, articles }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(entity.id, forKey: .id)
            try container.encode(entity.name, forKey: .name)
            try container.encode(entity.type, forKey: .type)
            try container.encode(entity.country, forKey: .country)
            try container.encode(entity.mentions, forKey: .mentions)
            try container.encode(entity.articles, forKey: .articles)
        }
    }

    private struct DateObject: Encodable {
        let date: Report.DateEntry
        enum Keys: String, CodingKey { case article, text, value, start, end }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(date.article, forKey: .article)
            try container.encode(date.text, forKey: .text)
            try container.encode(date.value, forKey: .value)
            try container.encode(date.start, forKey: .start)
            try container.encode(date.end, forKey: .end)
        }
    }

    private struct EventObject: Encodable {
        let event: Report.EventEntry
        enum Keys: String, CodingKey {
            case id, article, code, label, trigger, source, target, date, location, sentence, start, end
            case quadClass = "quad_class"
            case goldstein
        }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(event.id, forKey: .id)
            try container.encode(event.article, forKey: .article)
            try container.encode(event.code, forKey: .code)
            try container.encode(event.label, forKey: .label)
            try container.encode(event.trigger, forKey: .trigger)
            try container.encode(event.source, forKey: .source)
            try container.encode(event.target, forKey: .target)
            try container.encode(event.date, forKey: .date)
            try container.encode(event.location, forKey: .location)
            try container.encode(event.sentence, forKey: .sentence)
            try container.encode(event.start, forKey: .start)
            try container.encode(event.end, forKey: .end)
            try container.encode(event.quadClass, forKey: .quadClass)
            try container.encode(event.goldstein, forKey: .goldstein)
        }
    }

    private struct StatsObject: Encodable {
        let stats: Report.Stats
        enum Keys: String, CodingKey {
            case articles, chunks, retries, failures, timings
            case articlesFailed = "articles_failed"
            case chunksDone = "chunks_done"
            case duplicatesDropped = "duplicates_dropped"
            case lateReplies = "late_replies"
        }
        enum TimingKeys: String, CodingKey {
            case elapsedSeconds = "elapsed_seconds"
            case articlesPerSecond = "articles_per_second"
            case chunkReplyMeanSeconds = "chunk_reply_mean_seconds"
            case chunkReplyMaxSeconds = "chunk_reply_max_seconds"
        }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            let counters = stats.scheduler
            try container.encode(stats.articles, forKey: .articles)
            try container.encode(stats.articlesFailed, forKey: .articlesFailed)
            try container.encode(counters.chunks, forKey: .chunks)
            try container.encode(counters.chunksDone, forKey: .chunksDone)
            try container.encode(counters.retries, forKey: .retries)
            try container.encode(counters.duplicatesDropped, forKey: .duplicatesDropped)
            try container.encode(counters.lateReplies, forKey: .lateReplies)
            try container.encode(counters.failures, forKey: .failures)
            var timings = container.nestedContainer(keyedBy: TimingKeys.self, forKey: .timings)
            try timings.encode(stats.elapsedSeconds.map(round3), forKey: .elapsedSeconds)
            let rate = stats.elapsedSeconds.flatMap { $0 > 0 ? Double(stats.articles) / $0 : nil }
            try timings.encode(rate.map(round3), forKey: .articlesPerSecond)
            let mean = counters.chunksDone > 0 ? counters.replySecondsTotal / Double(counters.chunksDone) : nil
            try timings.encode(mean.map(round3), forKey: .chunkReplyMeanSeconds)
            try timings.encode(round3(counters.replySecondsMaximum), forKey: .chunkReplyMaxSeconds)
        }
        private func round3(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
    }
}
