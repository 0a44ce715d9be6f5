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
    /// atomically; returns the paths written. Each file is written by the thread that rendered it,
    /// as soon as it is rendered.
    @discardableResult
    public func write(_ report: Report, to directory: String) throws(AggregationError) -> [String] {
        try Self.createDirectory(directory)
        let (json, markdown, html) = try Parallel.run(
            { () throws(AggregationError) in
                try Self.write(bytes: ReportJSON.render(report), as: "report.json", in: directory)
            },
            { () throws(AggregationError) in
                try Self.write(text: ReportMarkdown.render(report), as: "report.md", in: directory)
            },
            { () throws(AggregationError) in
                try Self.write(text: ReportHTML.render(report), as: "report.html", in: directory)
            })
        return [json, markdown, html]
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
            (name, data) throws(AggregationError) in try Self.write(data, as: name, in: directory)
        }
    }

    private static func json(_ report: Report) -> Data { Data(ReportJSON.render(report)) }

    private static func markdown(_ report: Report) -> Data { Data(ReportMarkdown.render(report).utf8) }

    private static func html(_ report: Report) -> Data { Data(ReportHTML.render(report).utf8) }

    private static func createDirectory(_ directory: String) throws(AggregationError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .reportWrite(path: directory, reason: error.localizedDescription)
        }
    }

    /// Writes `bytes` atomically as `name` in `directory` without first copying them into a `Data`
    /// (a 1,000-article `report.json` is 9 MB); returns the path.
    private static func write(
        bytes: [UInt8], as name: String, in directory: String
    ) throws(AggregationError) -> String {
        try bytes.withUnsafeBytes { buffer in
            Result { () throws(AggregationError) in try write(borrowing: buffer, as: name, in: directory) }
        }.get()
    }

    /// Writes the UTF-8 of `text` atomically as `name` in `directory`, without a copy; returns the path.
    private static func write(text: String, as name: String, in directory: String) throws(AggregationError) -> String {
        var text = text
        return try text.withUTF8 { utf8 in
            Result { () throws(AggregationError) in
                try write(borrowing: UnsafeRawBufferPointer(utf8), as: name, in: directory)
            }
        }.get()
    }

    /// Writes `buffer` through a `Data` that borrows it (valid only during this call).
    private static func write(
        borrowing buffer: UnsafeRawBufferPointer, as name: String, in directory: String
    ) throws(AggregationError) -> String {
        guard let base = buffer.baseAddress else { return try write(Data(), as: name, in: directory) }
        let data = Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: buffer.count, deallocator: .none)
        return try write(data, as: name, in: directory)
    }

    /// Writes `data` atomically as `name` in `directory`; returns the path.
    private static func write(_ data: Data, as name: String, in directory: String) throws(AggregationError) -> String {
        let path = (directory as NSString).appendingPathComponent(name)
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .reportWrite(path: path, reason: error.localizedDescription)
        }
        return path
    }
}
