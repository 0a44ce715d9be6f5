public import Foundation

/// The three renderings of a report and the writer that puts them in a directory.
public struct ReportWriter: Sendable {
    /// The rendered files.
    public struct Files: Hashable, Sendable {
        /// `report.json`.
        public var json: Data
        /// `report.md`.
        public var markdown: Data
        /// `report.html`.
        public var html: Data
    }

    /// Creates a writer.
    public init() {}

    /// Renders `report` as JSON, Markdown and self-contained HTML (HTML and Markdown on other
    /// threads while this one renders the JSON: the job is over by then and other cores are free).
    public func render(_ report: Report) throws(AggregationError) -> Files {
        let (json, markdown, html) = try Parallel.run(
            { () throws(AggregationError) in Self.json(report) },
            { () throws(AggregationError) in Self.markdown(report) },
            { () throws(AggregationError) in Self.html(report) })
        return Files(json: json, markdown: markdown, html: html)
    }

    /// Writes `report.json`, `report.md` and `report.html` into `directory` (created if needed), each
    /// atomically; returns the paths written. Three threads: this one renders and writes the JSON
    /// around its events, which another renders meanwhile (over half of the JSON's bytes), then the
    /// Markdown (the shortest); a third renders and writes the HTML. Each file is written as it is
    /// rendered. (On two cores, four renderers at once left the JSON's events, the longest, at half
    /// a core.)
    @discardableResult
    public func write(_ report: Report, to directory: String) throws(AggregationError) -> [String] {
        try write(report, to: directory, events: nil)
    }

    /// ``write(_:to:)`` with the rendering of `report.events` (``ReportJSON/events(_:)``) already
    /// started, or `nil` to start it here.
    @discardableResult
    func write(
        _ report: Report, to directory: String, events started: Parallel.Pending<Data>?
    ) throws(AggregationError) -> [String] {
        try Self.createDirectory(directory)
        let events = started ?? Parallel.start { ReportJSON.events(report.events) }
        // The HTML, the longest after the events, on a thread of its own; the Markdown after the JSON.
        let html = Parallel.start {
            Result { () throws(AggregationError) in
                try ReportFile.write(as: "report.html", in: directory) { Self.text(ReportHTML.render(report), to: $0) }
            }
        }
        let json = Result { () throws(AggregationError) in
            try ReportFile.write(as: "report.json", in: directory) { output in
                ReportJSON.write(report, events: { events.value() }, to: output)
            }
        }
        let markdown = Result { () throws(AggregationError) in
            try ReportFile.write(as: "report.md", in: directory) { Self.text(ReportMarkdown.render(report), to: $0) }
        }
        let htmlPath = html.value()
        return [try json.get(), try markdown.get(), try htmlPath.get()]
    }

    /// The files written earlier into `directory`, or `nil` when any of them is missing or unreadable.
    static func read(from directory: String) -> Files? {
        func load(_ name: String) -> Data? {
            FileManager.default.contents(atPath: (directory as NSString).appendingPathComponent(name))
        }
        guard let json = load("report.json"), let markdown = load("report.md"), let html = load("report.html") else {
            return nil
        }
        return Files(json: json, markdown: markdown, html: html)
    }

    /// Writes already rendered files into `directory` (created if needed), each atomically.
    @discardableResult
    public func write(_ files: Files, to directory: String) throws(AggregationError) -> [String] {
        try Self.createDirectory(directory)
        return try [("report.json", files.json), ("report.md", files.markdown), ("report.html", files.html)].map {
            (name, data) throws(AggregationError) in
            try ReportFile.write(as: name, in: directory) { data.withUnsafeBytes($0) }
        }
    }

    /// Hands the UTF-8 of `text` to `output` without a copy.
    private static func text(_ text: String, to output: (UnsafeRawBufferPointer) -> Void) {
        var text = text
        text.withUTF8 { output(UnsafeRawBufferPointer($0)) }
    }

    private static func json(_ report: Report) -> Data { ReportJSON.render(report) }

    private static func markdown(_ report: Report) -> Data { Data(ReportMarkdown.render(report).utf8) }

    private static func html(_ report: Report) -> Data { Data(ReportHTML.render(report).utf8) }

    private static func createDirectory(_ directory: String) throws(AggregationError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .reportWrite(path: directory, reason: error.localizedDescription)
        }
    }
}
