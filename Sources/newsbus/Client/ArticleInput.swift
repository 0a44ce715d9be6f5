import ArgumentParser
import Articles

/// The FILES|DIRS... argument of `submit` and `run`, read and validated with ``ArticleReader``.
struct ArticleInput: ParsableArguments {
    @Argument(
        help: """
            Article files (.txt: first line is the title; .jsonl: one {id,title,date,source,text} per line) \
            or directories of them.
            """)
    var paths: [String] = []

    @Option(help: "Date (YYYY-MM-DD) for articles that carry none.")
    var date: String?

    func validate() throws {
        guard !paths.isEmpty else {
            throw ValidationError("Please name at least one article file or directory, e.g. samples/.")
        }
    }

    /// Every article, or an ``ArticleError`` naming the file and line at fault.
    func read() throws(ArticleError) -> [Article] {
        try ArticleReader(configuration: .init(defaultDate: date)).read(paths: paths)
    }

    /// A job name from the paths, e.g. "articles.jsonl" or "samples/ +2".
    var jobName: String {
        guard let first = paths.first else { return "" }
        return paths.count == 1 ? first : "\(first) +\(paths.count - 1)"
    }
}
