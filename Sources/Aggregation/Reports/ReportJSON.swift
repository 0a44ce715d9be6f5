import Foundation

/// Renders `report.json` in the DESIGN.md job-level shape (absent values are `null`, keys sorted,
/// two-space indentation). Written by hand into byte buffers: `JSONEncoder` took seconds for a
/// 20 MB report of 1,000 articles.
enum ReportJSON {
    /// The JSON bytes of `report`.
    static func render(_ report: Report) -> Data {
        var bytes = Data()
        write(report, events: { events(report.events) }, to: { bytes.append(contentsOf: $0) })
        return bytes
    }

    /// Writes the JSON of `report` through `output` in three pieces: everything before the events,
    /// the events as `events()` renders them (with ``events(_:)``, perhaps on another thread: they
    /// are over half of the bytes), then the rest. So a file can take the first piece while the
    /// events are still being rendered.
    static func write(_ report: Report, events: () -> Data, to output: (UnsafeRawBufferPointer) -> Void) {
        var writer = JSONWriter()
        // About what each entry takes pretty-printed, so the buffer seldom grows (and copies) again.
        writer.reserve(
            1024 + report.articles.count * 260 + report.dates.count * 200 + report.entities.count * 320)
        writer.object { object in
            object.field("articles") { $0.array(report.articles) { $0.value(ArticleFields($1)) } }
            object.field("dates") { $0.array(report.dates) { $0.value(DateFields($1)) } }
            object.field("entities") { $0.array(report.entities) { $0.value(EntityFields($1)) } }
            object.field("events") { writer in
                writer.drain(to: output)
                events().withUnsafeBytes(output)
            }
            object.field("job") { writer in
                writer.object { job in
                    job.field("finished", report.job.finished.map(timestamp))
                    job.field("id", report.job.id)
                    job.field("name", report.job.name)
                    job.field("submitted", timestamp(report.job.submitted))
                }
            }
            object.field("stats") { stats(&$0, report.stats) }
        }
        writer.append("\n")
        writer.drain(to: output)
    }

    /// The `events` array of `report.json`, indented for its place in the top-level object.
    static func events(_ events: [Report.EventEntry]) -> Data {
        var writer = JSONWriter(depth: 1)
        writer.reserve(16 + events.count * 520)
        writer.array(events) { $0.value(EventFields($1)) }
        return writer.data()
    }

    /// ISO 8601 UTC with seconds, e.g. `2025-11-06T14:22:33Z`.
    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC") ?? .current))
    }

    private static func stats(_ writer: inout JSONWriter, _ stats: Report.Stats) {
        let counters = stats.scheduler
        writer.object { object in
            object.field("articles", stats.articles)
            object.field("articles_failed", stats.articlesFailed)
            object.field("chunks", counters.chunks)
            object.field("chunks_done", counters.chunksDone)
            object.field("duplicates_dropped", counters.duplicatesDropped)
            object.field("failures", counters.failures)
            object.field("late_replies", counters.lateReplies)
            object.field("retries", counters.retries)
            object.field("timings") { writer in
                let rate = stats.elapsedSeconds.flatMap { $0 > 0 ? Double(stats.articles) / $0 : nil }
                let mean = counters.chunksDone > 0 ? counters.replySecondsTotal / Double(counters.chunksDone) : nil
                writer.object { timings in
                    timings.field("articles_per_second", rate.map(round3))
                    timings.field("chunk_reply_max_seconds", round3(counters.replySecondsMaximum))
                    timings.field("chunk_reply_mean_seconds", mean.map(round3))
                    timings.field("elapsed_seconds", stats.elapsedSeconds.map(round3))
                }
            }
        }
    }

    private static func round3(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

    private struct ArticleFields: JSONObjectValue {
        let article: Report.ArticleEntry
        init(_ article: Report.ArticleEntry) { self.article = article }
        func write(into object: inout JSONWriter.Object) {
            object.field("date", article.date)
            object.field("error", article.error)
            object.field("id", article.id)
            object.field("source", article.source)
            object.field("status", article.status)
            object.field("title", article.title)
        }
    }

    private struct EntityFields: JSONObjectValue {
        let entity: Report.EntityEntry
        init(_ entity: Report.EntityEntry) { self.entity = entity }
        func write(into object: inout JSONWriter.Object) {
            object.field("articles") { writer in
                writer.object { counts in
                    for entry in entity.articles.sorted(by: { $0.article < $1.article }) {
                        counts.field(named: entry.article, entry.mentions)
                    }
                }
            }
            object.field("country", entity.country)
            object.field("id", entity.id)
            object.field("mentions", entity.mentions)
            object.field("name", entity.name)
            object.field("type", entity.type)
        }
    }

    private struct DateFields: JSONObjectValue {
        let date: Report.DateEntry
        init(_ date: Report.DateEntry) { self.date = date }
        func write(into object: inout JSONWriter.Object) {
            object.field("article", date.article)
            object.field("end", date.end)
            object.field("start", date.start)
            object.field("text", date.text)
            object.field("value", date.value)
        }
    }

    private struct EventFields: JSONObjectValue {
        let event: Report.EventEntry
        init(_ event: Report.EventEntry) { self.event = event }
        func write(into object: inout JSONWriter.Object) {
            object.field("article", event.article)
            object.field("code", event.code)
            object.field("date", event.date)
            object.field("end", event.end)
            object.field("goldstein", event.goldstein)
            object.field("id", event.id)
            object.field("label", event.label)
            object.field("location", event.location)
            object.field("quad_class", event.quadClass)
            object.field("sentence", event.sentence)
            object.field("source", event.source)
            object.field("start", event.start)
            object.field("target", event.target)
            object.field("trigger", event.trigger)
        }
    }
}
