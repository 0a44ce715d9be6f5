/// Where in the input a problem sits: a file, and a line for JSONL and text decoding errors.
public struct InputLocation: Hashable, Sendable, CustomStringConvertible {
    /// The file's path as given (or as found under a given directory).
    public var path: String
    /// 1-based line number, or `nil` for the whole file.
    public var line: Int?

    /// Creates a location.
    public init(path: String, line: Int? = nil) {
        self.path = path
        self.line = line
    }

    /// `path:line` or `path`.
    public var description: String {
        line.map { "\(path):\($0)" } ?? path
    }
}

/// Everything that makes an input file unusable; each case names the file (and line) and a fix.
public enum ArticleError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The path does not exist.
    case notFound(InputLocation)
    /// The file exists but cannot be read.
    case unreadable(InputLocation, reason: String)
    /// A directory held no `.txt` or `.jsonl` files.
    case noArticles(InputLocation)
    /// The article (or the whole file) has no text.
    case empty(InputLocation)
    /// The bytes are not valid UTF-8.
    case invalidUTF8(InputLocation)
    /// The file holds NUL bytes, so it is binary rather than text.
    case binary(InputLocation)
    /// A JSONL line is not a JSON object of the expected shape.
    case invalidJSON(InputLocation, reason: String)
    /// A JSONL record has no `text` field.
    case missingText(InputLocation)
    /// A date is not `YYYY-MM-DD`.
    case badDate(InputLocation, value: String)
    /// An article is larger than the configured limit.
    case oversized(InputLocation, bytes: Int, limit: Int)
    /// Two articles of one job share an id.
    case duplicateID(String, first: InputLocation, second: InputLocation)

    /// Where the problem is.
    public var location: InputLocation {
        switch self {
        case .notFound(let location), .unreadable(let location, _), .noArticles(let location),
            .empty(let location), .invalidUTF8(let location), .binary(let location),
            .invalidJSON(let location, _), .missingText(let location), .badDate(let location, _),
            .oversized(let location, _, _):
            location
        case .duplicateID(_, _, let second):
            second
        }
    }

    /// What went wrong and what to do about it.
    public var description: String {
        switch self {
        case .notFound(let location):
            "\(location): no such file or directory; check the path"
        case .unreadable(let location, let reason):
            "\(location): cannot be read (\(reason)); check its permissions"
        case .noArticles(let location):
            "\(location): directory holds no .txt or .jsonl files; point at article files"
        case .empty(let location):
            "\(location): article has no text; give it a body or leave it out"
        case .invalidUTF8(let location):
            "\(location): not valid UTF-8; convert the file to UTF-8 (e.g. `iconv -t UTF-8`)"
        case .binary(let location):
            "\(location): contains NUL bytes, looks binary; give plain text (.txt) or JSON lines (.jsonl)"
        case .invalidJSON(let location, let reason):
            "\(location): invalid JSON line (\(reason)); each line must be one {id,title,date,source,text} object"
        case .missingText(let location):
            "\(location): record has no \"text\" string; add the article body as \"text\""
        case .badDate(let location, let value):
            "\(location): date '\(value)' is not a real day written YYYY-MM-DD; fix or omit it"
        case .oversized(let location, let bytes, let limit):
            "\(location): article is \(bytes) bytes, over the limit of \(limit); split it or raise the limit"
        case .duplicateID(let id, let first, let second):
            "\(second): article id '\(id)' already used at \(first); give each article a unique id"
        }
    }
}
