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

    /// Renders `report` as JSON, Markdown and self-contained HTML.
    public func render(_ report: Report) throws(AggregationError) -> Files {
        let json: Data
        do {
            json = try ReportJSON.render(report)
        } catch {
            throw .reportWrite(path: "report.json", reason: String(describing: error))
        }
        return Files(
            json: json, markdown: Data(ReportMarkdown.render(report).utf8), html: Data(ReportHTML.render(report).utf8))
    }

    /// Writes `report.json`, `report.md` and `report.html` into `directory` (created if needed), each
    /// atomically; returns the paths written.
    @discardableResult
    public func write(_ report: Report, to directory: String) throws(AggregationError) -> [String] {
        try write(render(report), to: directory)
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
