import Foundation

/// Reads articles from `.txt` files, `.jsonl` files and directories of them, validating as it goes.
///
/// A `.txt` file is one article: the first line is the title, the rest (after the blank lines that
/// follow the title) is the body, and the id is the file name without its extension. A `.jsonl` file
/// holds one `{id,title,date,source,text}` object per line. Directories are searched recursively for
/// `.txt` and `.jsonl` files, in sorted path order so that a job's article order is deterministic.
public struct ArticleReader: Sendable {
    /// Limits and defaults for reading.
    public struct Configuration: Sendable {
        /// Largest article accepted, in bytes of UTF-8 (a whole `.txt` file, or one JSONL line).
        public var maximumArticleBytes: Int
        /// Date (`YYYY-MM-DD`) given to articles that carry none, e.g. from `--date`.
        public var defaultDate: String?

        /// Creates a configuration; the default limit is 10 MB per article.
        public init(maximumArticleBytes: Int = 10_000_000, defaultDate: String? = nil) {
            self.maximumArticleBytes = maximumArticleBytes
            self.defaultDate = defaultDate
        }
    }

    /// The limits and defaults in use.
    public let configuration: Configuration

    /// Creates a reader.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Reads every article under `paths` (files or directories), in order, rejecting duplicate ids.
    public func read(paths: [String]) throws(ArticleError) -> [Article] {
        if let date = configuration.defaultDate, !Article.isValidDate(date) {
            throw .badDate(InputLocation(path: "--date"), value: date)
        }
        var articles: [Article] = []
        var seen: [String: InputLocation] = [:]
        for path in paths {
            for file in try files(at: path) {
                for (article, location) in try readFile(file) {
                    if let first = seen[article.id] {
                        throw .duplicateID(article.id, first: first, second: location)
                    }
                    seen[article.id] = location
                    articles.append(article)
                }
            }
        }
        return articles
    }

    /// The article files at `path`: the file itself, or the sorted `.txt`/`.jsonl` files below a directory.
    func files(at path: String) throws(ArticleError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .notFound(InputLocation(path: path))
        }
        guard isDirectory.boolValue else { return [path] }
        let root = URL(fileURLWithPath: path, isDirectory: true)
        guard
            let enumerator = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else {
            throw .unreadable(InputLocation(path: path), reason: "cannot list directory")
        }
        var found: [String] = []
        let prefix = path.hasSuffix("/") ? path : path + "/"
        let rootPath = root.standardizedFileURL.path
        for case let url as URL in enumerator {
            let kind = url.pathExtension.lowercased()
            guard kind == "txt" || kind == "jsonl",
                (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
            else { continue }
            var relative = url.standardizedFileURL.path
            if relative.hasPrefix(rootPath + "/") {
                relative.removeFirst(rootPath.count + 1)
            }
            found.append(prefix + relative)
        }
        guard !found.isEmpty else { throw .noArticles(InputLocation(path: path)) }
        return found.sorted()
    }

    /// Reads one file: `.jsonl` as JSON lines, anything else as one text article.
    func readFile(_ path: String) throws(ArticleError) -> [(Article, InputLocation)] {
        let url = URL(fileURLWithPath: path)
        if url.pathExtension.lowercased() == "jsonl" {
            let data = try load(path, limit: nil)
            return try JSONLinesFormat(configuration: configuration).articles(in: data, path: path)
        }
        let data = try load(path, limit: configuration.maximumArticleBytes)
        let id = url.deletingPathExtension().lastPathComponent
        let article = try TextFormat(configuration: configuration).article(in: data, id: id, path: path)
        return [(article, InputLocation(path: path))]
    }

    private func load(_ path: String, limit: Int?) throws(ArticleError) -> Data {
        let location = InputLocation(path: path)
        if let limit, let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let size = (attributes[.size] as? NSNumber)?.intValue, size > limit
        {
            throw .oversized(location, bytes: size, limit: limit)
        }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(location, reason: Self.reason(error))
        }
    }

    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
            underlying.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(underlying.code))
        {
            return String(describing: POSIXError(code).localizedDescription)
        }
        return nsError.localizedDescription
    }
}
