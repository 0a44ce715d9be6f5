import Foundation

/// Renders `report.md`: a readable summary with top entities by type, the event timeline,
/// dates, a per-article table and the run's counters.
enum ReportMarkdown {
    /// How many entities each type section lists.
    static let entitiesPerType = 15
    /// Most events in the timeline (all of them are in `report.json`).
    static let timelineEvents = 300

    /// The Markdown text of `report`.
    static func render(_ report: Report) -> String {
        var lines: [String] = []
        lines.append("# newsbus report: job \(report.job.id)")
        lines.append("")
        lines.append(ReportSummary.line(report))
        lines.append("")
        lines.append("## Top entities")
        for (type, title) in ReportSummary.typeTitles {
            let top = ReportSummary.top(report.entities, type: type, limit: entitiesPerType)
            guard !top.isEmpty else { continue }
            lines += ["", "### \(title)", "", "| Entity | Country | Mentions | Articles |", "|---|---|---:|---:|"]
            lines += top.map { "| \(cell($0.name)) | \($0.country ?? "") | \($0.mentions) | \($0.articles.count) |" }
        }
        lines += ["", "## Event timeline", ""]
        if report.events.isEmpty {
            lines.append("No events were coded.")
        } else {
            lines += [
                "| Date | Code | Event | Source | Target | Article | Evidence |", "|---|---|---|---|---|---|---|",
            ]
            for event in report.events.prefix(timelineEvents) {
                let source = cell(report.entity(event.source)?.name ?? "")
                let target = cell(report.entity(event.target)?.name ?? "")
                lines.append(
                    "| \(event.date ?? "undated") | \(cell(event.code)) | \(cell(event.label)) | \(source) | \(target) "
                        + "| \(cell(event.article)) | \(cell(ReportSummary.shorten(event.sentence, to: 160))) |")
            }
        }
        if report.events.count > timelineEvents {
            lines += ["", "\(report.events.count - timelineEvents) more events are listed in report.json."]
        }
        lines += ["", "## Dates", ""]
        let values = ReportSummary.dateCounts(report.dates)
        lines += values.isEmpty ? ["No dates were resolved."] : ["| Date | Mentions |", "|---|---:|"]
        lines += values.map { "| \($0.value) | \($0.count) |" }
        lines += ["", "## Articles", "", "| # | Id | Title | Date | Source | Status |", "|---:|---|---|---|---|---|"]
        for (index, article) in report.articles.enumerated() {
            let status = article.status == "ok" ? "ok" : "failed: \(cell(article.error ?? "unknown error"))"
            lines.append(
                "| \(index + 1) | \(cell(article.id)) | \(cell(article.title)) | \(article.date ?? "") "
                    + "| \(cell(article.source ?? "")) | \(status) |")
        }
        lines += ["", "## Stats", ""]
        lines += ReportSummary.statsRows(report).map { "- \($0.label): \($0.value)" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text made safe for one table cell: pipes escaped, `<` as an entity (no raw HTML), line breaks flattened.
    static func cell(_ text: String) -> String {
        // Most cells (names, sentences) hold none of these: give them back as they are.
        let plain = text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x5C, 0x7C, 0x3C, 0x0A...0x0D, 0x85, 0x2028, 0x2029: false  // \ | < and line breaks
            default: true
            }
        }
        if plain { return text }
        return text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "<", with: "&lt;")
            .split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
