import Foundation

/// Figures and text shared by the Markdown and HTML renderings.
enum ReportSummary {
    /// Entity types in display order with their section titles.
    static let typeTitles = [
        ("PERSON", "People"), ("ORGANIZATION", "Organizations"), ("LOCATION", "Locations"), ("MISC", "Other"),
    ]

    /// One-line summary: times, article, entity and event counts.
    static func line(_ report: Report) -> String {
        let finished = report.job.finished.map(ReportJSON.timestamp) ?? "not finished"
        let failed = report.stats.articlesFailed
        let name = report.job.name.isEmpty ? "" : "\(report.job.name); "
        return "\(name)submitted \(ReportJSON.timestamp(report.job.submitted)), finished \(finished). "
            + "\(report.articles.count) articles (\(failed) failed), \(report.entities.count) entities, "
            + "\(report.events.count) events."
    }

    /// The `limit` most-mentioned entities of `type` (ties by first mention).
    static func top(_ entities: [Report.EntityEntry], type: String, limit: Int) -> [Report.EntityEntry] {
        ranked(entities, limit: limit) { $0.type == type }
    }

    /// The `limit` most-mentioned entities (of those `included`), by mentions, descending; ties keep
    /// first-mention order. Sorts each entity's mentions and position, not the entries themselves
    /// (an entry moved is its strings and per-article list retained and released).
    static func ranked(
        _ entities: [Report.EntityEntry], limit: Int, where included: (Report.EntityEntry) -> Bool = { _ in true }
    ) -> [Report.EntityEntry] {
        ranked(entities.indices.filter { included(entities[$0]) }, mentions: { entities[$0].mentions }, limit: limit)
            .map { entities[$0] }
    }

    /// The indices of the `limit` entities with the most `mentions` (indexed by entity), in
    /// ``ranked(_:limit:where:)``'s order.
    static func ranked(mentions: [Int], limit: Int) -> [Int] {
        ranked(Array(mentions.indices), mentions: { mentions[$0] }, limit: limit)
    }

    /// `indices` (ascending) ordered by their `mentions`, descending, ties by index; the first `limit`.
    private static func ranked(_ indices: [Int], mentions: (Int) -> Int, limit: Int) -> [Int] {
        var order = indices.map { (mentions: mentions($0), index: $0) }
        order.sort { $0.mentions != $1.mentions ? $0.mentions > $1.mentions : $0.index < $1.index }
        return order.prefix(limit).map(\.index)
    }

    /// Resolved date values with how often each is mentioned, in date order.
    static func dateCounts(_ dates: [Report.DateEntry]) -> [(value: String, count: Int)] {
        var counts: [String: Int] = [:]
        for date in dates {
            if let value = date.value { counts[value, default: 0] += 1 }
        }
        return counts.keys.sorted().map { ($0, counts[$0] ?? 0) }
    }

    /// `text` on one line (each run of line breaks one space, none at the ends), cut to `limit`
    /// characters with an ellipsis.
    static func shorten(_ text: String, to limit: Int) -> String {
        // ASCII, nearly every sentence: a character is a byte once the line breaks are gone, so
        // this is byte work, not grapheme breaking (which made the event tables a third of the
        // time it took to render report.html and report.md).
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return shortenCharacters(text, to: limit) }
        let isBreak: (UInt8) -> Bool = { (0x0A...0x0D).contains($0) }
        if text.utf8.count <= limit, !text.utf8.contains(where: isBreak) { return text }
        let flat = text.utf8.split(whereSeparator: isBreak).joined(separator: [0x20])
        let bytes = Array(flat)
        return bytes.count <= limit
            ? String(decoding: bytes, as: UTF8.self)
            : String(decoding: bytes[..<max(0, limit - 1)], as: UTF8.self) + "\u{2026}"
    }

    /// ``shorten(_:to:)`` on `Character`s, for any text.
    static func shortenCharacters(_ text: String, to limit: Int) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count <= limit ? flat : String(flat.prefix(limit - 1)) + "\u{2026}"
    }

    /// The counters as label/value rows.
    static func statsRows(_ report: Report) -> [(label: String, value: String)] {
        let counters = report.stats.scheduler
        var rows = [
            ("Articles", "\(report.stats.articles) (\(report.stats.articlesFailed) failed)"),
            ("Chunks", "\(counters.chunks) (\(counters.chunksDone) extracted, \(counters.failures) failed)"),
            ("Retries", "\(counters.retries)"),
            ("Duplicate replies dropped", "\(counters.duplicatesDropped)"),
            ("Late replies dropped", "\(counters.lateReplies)"),
        ]
        if let elapsed = report.stats.elapsedSeconds {
            rows.append(("Elapsed", String(format: "%.1f s", elapsed)))
            if elapsed > 0 {
                rows.append(("Throughput", String(format: "%.1f articles/s", Double(report.stats.articles) / elapsed)))
            }
        }
        if counters.chunksDone > 0 {
            let mean = counters.replySecondsTotal / Double(counters.chunksDone)
            rows.append(
                ("Chunk reply time", String(format: "mean %.3f s, max %.3f s", mean, counters.replySecondsMaximum)))
        }
        return rows
    }
}
