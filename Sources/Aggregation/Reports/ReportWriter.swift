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
    /// threads while this one writes the JSON: the job is over by then and other cores are free).
    public func render(_ report: Report) throws(AggregationError) -> Files {
        let html = RenderedText()
        let markdown = RenderedText()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { html.set(Data(ReportHTML.render(report).utf8)) }
        DispatchQueue.global().async(group: group) { markdown.set(Data(ReportMarkdown.render(report).utf8)) }
        let json: Data
        do {
            json = try ReportJSON.render(report)
        } catch {
            group.wait()
            throw .reportWrite(path: "report.json", reason: String(describing: error))
        }
        group.wait()
        return Files(json: json, markdown: markdown.value, html: html.value)
    }

    /// Writes `report.json`, `report.md` and `report.html` into `directory` (created if needed), each
    /// atomically; returns the paths written.
    @discardableResult
    public func write(_ report: Report, to directory: String) throws(AggregationError) -> [String] {
        try write(render(report), to: directory)
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
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .reportWrite(path: directory, reason: error.localizedDescription)
        }
        var written: [String] = []
        for (name, data) in [("report.json", files.json), ("report.md", files.markdown), ("report.html", files.html)] {
            let path = (directory as NSString).appendingPathComponent(name)
            do {
                try data.write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw .reportWrite(path: path, reason: error.localizedDescription)
            }
            written.append(path)
        }
        return written
    }
}

/// One rendering handed from the thread that made it to the thread that waits for it.
private final class RenderedText: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func set(_ value: Data) { lock.withLock { data = value } }

    var value: Data { lock.withLock { data } }
}
