import Aggregation
import Foundation
import Testing

@Suite("ReportWriter")
struct ReportWriterTests {
    private func writeSample() throws -> (TemporaryDirectory, String) {
        let directory = try TemporaryDirectory()
        let target = directory.path + "/out"
        try ReportWriter().write(SampleReport.make(), to: target)
        // Set NEWSBUS_SAMPLE_REPORT_DIR to keep a copy for scripts/check-html-report.
        if let keep = ProcessInfo.processInfo.environment["NEWSBUS_SAMPLE_REPORT_DIR"] {
            try ReportWriter().write(SampleReport.make(), to: keep)
        }
        return (directory, target)
    }

    private func object(_ value: Any?) throws -> [String: Any] {
        try #require(value as? [String: Any])
    }

    @Test("report.json has the DESIGN.md job-level shape")
    func jsonShape() throws {
        let (directory, target) = try writeSample()
        _ = directory
        let data = try Data(contentsOf: URL(fileURLWithPath: target + "/report.json"))
        let root = try object(try JSONSerialization.jsonObject(with: data))
        #expect(Set(root.keys) == ["job", "articles", "entities", "dates", "events", "stats"])
        let job = try object(root["job"])
        #expect(job["id"] as? String == "j-20251106-120000-a1b2c3")
        #expect(job["submitted"] as? String == "2025-11-06T12:00:00Z")
        #expect(job["finished"] as? String == "2025-11-06T12:00:12Z")
        let articles = try #require(root["articles"] as? [[String: Any]])
        #expect(articles.count == 4)
        for article in articles {
            #expect(Set(article.keys) == ["id", "title", "date", "source", "status", "error"])
            #expect(["ok", "failed"].contains(article["status"] as? String ?? ""))
        }
        #expect(articles[0]["error"] is NSNull)
        #expect(articles[3]["error"] as? String == "chunk 3-0: no reply after 3 attempts")
        let entities = try #require(root["entities"] as? [[String: Any]])
        let kazakhstan = try #require(
            entities.first { $0["name"] as? String == "Kazakhstan" && $0["type"] as? String == "LOCATION" })
        #expect(Set(kazakhstan.keys) == ["id", "name", "type", "country", "mentions", "articles"])
        #expect(kazakhstan["mentions"] as? Int == 5)
        #expect(kazakhstan["country"] as? String == "KZ")
        let perArticle = try object(kazakhstan["articles"])
        #expect(perArticle["kazakhstan-abraham-accords"] as? Int == 3)
        let tokayev = try #require(entities.first { $0["name"] as? String == "Kassym-Jomart Tokayev" })
        #expect(tokayev["mentions"] as? Int == 3)
        let events = try #require(root["events"] as? [[String: Any]])
        #expect(events.allSatisfy { $0["article"] is String && $0["code"] is String && $0["start"] is Int })
        #expect(events.first?["date"] as? String == "1992-04-10")
        let dates = try #require(root["dates"] as? [[String: Any]])
        #expect(dates.first?["value"] as? String == "2025-11-06")
        let stats = try object(root["stats"])
        for key in ["chunks", "retries", "duplicates_dropped", "failures"] {
            #expect(stats[key] is Int, "stats.\(key)")
        }
        #expect(try object(stats["timings"])["elapsed_seconds"] as? Double == 12.5)
    }

    @Test("report.md has its sections and escapes table cells")
    func markdown() throws {
        let (directory, target) = try writeSample()
        _ = directory
        let text = try String(contentsOfFile: target + "/report.md", encoding: .utf8)
        for heading in [
            "# newsbus report: job", "## Top entities", "### People", "## Event timeline", "## Dates",
            "## Articles", "## Stats",
        ] {
            #expect(text.contains(heading), "missing \(heading)")
        }
        #expect(text.contains("| Kassym-Jomart Tokayev | KZ | 3 | 1 |"))
        #expect(text.contains("O'Brien & Sons \\| \"Ltd\" 🚀"))
        #expect(text.contains("failed: chunk 3-0: no reply after 3 attempts"))
        #expect(!text.contains("<script>"), "no raw HTML from article text")
        #expect(text.contains("&lt;/svg>&lt;script>alert"))
    }

    @Test("report.html is self-contained, escapes all text and holds both SVG charts")
    func html() throws {
        let (directory, target) = try writeSample()
        _ = directory
        let html = try String(contentsOfFile: target + "/report.html", encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"timeline-chart\""))
        #expect(html.contains("id=\"network-chart\""))
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;/svg&gt;&lt;script&gt;alert(&quot;x&quot;)"))
        #expect(html.components(separatedBy: "<script>").count == 2, "only the report's own script")
        #expect(!html.contains("src=\"http") && !html.contains("href=\"http") && !html.contains("@import"))
        for tag in ["section", "table", "svg", "tbody"] {
            #expect(
                html.components(separatedBy: "<\(tag)").count == html.components(separatedBy: "</\(tag)>").count,
                "unbalanced <\(tag)>")
        }
        #expect(html.hasSuffix("</html>\n"))
    }

    @Test("the files written are byte for byte what render gives (the JSON written in pieces, its events rendered apart)")
    func writtenEqualsRendered() throws {
        let report = SampleReport.make()
        let directory = try TemporaryDirectory()
        let paths = try ReportWriter().write(report, to: directory.path)
        let files = try ReportWriter().render(report)
        #expect(paths.map { ($0 as NSString).lastPathComponent } == ["report.json", "report.md", "report.html"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: paths[0])) == files.json)
        #expect(try Data(contentsOf: URL(fileURLWithPath: paths[1])) == files.markdown)
        #expect(try Data(contentsOf: URL(fileURLWithPath: paths[2])) == files.html)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["report.html", "report.json", "report.md"])
    }

    @Test("an empty job still renders every file")
    func emptyReport() throws {
        let report = Report(
            job: .init(id: "j-empty", name: "", submitted: Date(timeIntervalSince1970: 0), finished: nil),
            articles: [], entities: [], dates: [], events: [], links: [],
            stats: .init(articles: 0, articlesFailed: 0, scheduler: SchedulerStats(), elapsedSeconds: nil))
        let files = try ReportWriter().render(report)
        let root = try object(try JSONSerialization.jsonObject(with: files.json))
        #expect(try object(root["job"])["finished"] is NSNull)
        #expect(String(decoding: files.html, as: UTF8.self).contains("No dated events to chart"))
        #expect(String(decoding: files.markdown, as: UTF8.self).contains("No events were coded."))
    }

    @Test("report.json gives an entity's mentions per article as an object keyed by article id, ids sorted")
    func entityArticles() throws {
        let entity = Report.EntityEntry(
            id: "e1", name: "Astana", type: "LOCATION", country: "KZ", mentions: 6,
            articles: [.init(article: "b", mentions: 1), .init(article: "a10", mentions: 3), .init(article: "a2", mentions: 2)])
        let report = Report(
            job: .init(id: "j-counts", name: "", submitted: Date(timeIntervalSince1970: 0), finished: nil),
            articles: [], entities: [entity], dates: [], events: [], links: [],
            stats: .init(articles: 3, articlesFailed: 0, scheduler: SchedulerStats(), elapsedSeconds: nil))
        let json = String(decoding: try ReportWriter().render(report).json, as: UTF8.self)
        let counts = try object(try object(try JSONSerialization.jsonObject(with: Data(json.utf8)))["entities"].flatMap {
            ($0 as? [Any])?.first
        })["articles"]
        #expect(counts as? [String: Int] == ["a10": 3, "a2": 2, "b": 1])
        let keys = ["\"a10\"", "\"a2\"", "\"b\""].map { json.range(of: $0)?.lowerBound }
        #expect(keys.allSatisfy { $0 != nil } && keys == keys.sorted { $0! < $1! })
    }

    @Test(
        "report.json keeps any text intact: quotes, backslashes, control characters, slashes, non-ASCII",
        arguments: [
            "plain", "say \"hi\"", "back\\slash", "tab\tline\nreturn\r", "bell\u{07}nul\u{0}", "a/b", "Zürich 東京 🙂",
        ])
    func jsonStrings(_ text: String) throws {
        let report = Report(
            job: .init(id: "j-text", name: text, submitted: Date(timeIntervalSince1970: 0), finished: nil),
            articles: [], entities: [], dates: [], events: [], links: [],
            stats: .init(articles: 0, articlesFailed: 0, scheduler: SchedulerStats(), elapsedSeconds: 1.5))
        let files = try ReportWriter().render(report)
        let root = try object(try JSONSerialization.jsonObject(with: files.json))
        #expect(try object(root["job"])["name"] as? String == text)
        #expect(try object(try object(root["stats"])["timings"])["elapsed_seconds"] as? Double == 1.5)
    }
}

@Suite("ReportCharts")
struct ReportChartsTests {
    @Test("a timeline over many days groups its bars by month")
    func monthBuckets() throws {
        let events = (0..<120).map { index in
            let date = CalendarDay.iso(dayOffset: index)
            return Report.EventEntry(
                id: "ev\(index)", article: "a", code: "010", label: "Make statement", trigger: "said", source: nil,
                target: nil, date: date, location: nil, sentence: "", start: 0, end: 0, quadClass: 1, goldstein: 0)
        }
        let report = Report(
            job: .init(id: "j", name: "", submitted: Date(timeIntervalSince1970: 0), finished: nil),
            articles: [], entities: [], dates: [], events: events, links: [],
            stats: .init(articles: 0, articlesFailed: 0, scheduler: SchedulerStats(), elapsedSeconds: nil))
        let html = String(decoding: try ReportWriter().render(report).html, as: UTF8.self)
        #expect(html.contains(">2025-01</text>"))
        #expect(html.contains("2025-04: 30 events"))
        #expect(!html.contains(">2025-01-05</text>"))
    }
}

/// ISO days counted from 2025-01-01.
private enum CalendarDay {
    static func iso(dayOffset: Int) -> String {
        let lengths = [31, 28, 31, 30, 31, 30]
        var month = 0
        var day = dayOffset
        while day >= lengths[month] {
            day -= lengths[month]
            month += 1
        }
        return "2025-0\(month + 1)-" + (day + 1 < 10 ? "0" : "") + String(day + 1)
    }
}
