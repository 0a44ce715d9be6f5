/// Why an input file, or one line of it, cannot be read.
enum ExtractInputError: Error, CustomStringConvertible {
    /// The file is missing or cannot be opened.
    case unreadable(path: String, reason: String)
    /// The file is neither `.txt` nor `.jsonl`.
    case unsupportedExtension(path: String)
    /// The text at `location` ("FILE" or "FILE:LINE") is not UTF-8.
    case invalidUTF8(location: String)
    /// A `.jsonl` line is not an article object.
    case invalidJSON(location: String, reason: String)
    /// An article date is not `YYYY-MM-DD`.
    case invalidDate(location: String, value: String)

    var description: String {
        switch self {
        case .unreadable(let path, let reason):
            "cannot read '\(path)': \(reason); check the path and permissions"
        case .unsupportedExtension(let path):
            "'\(path)' is neither .txt (first line = title) nor .jsonl (one {id,title,date,source,text} per line)"
        case .invalidUTF8(let location):
            "\(location): not valid UTF-8 text; convert the file to UTF-8"
        case .invalidJSON(let location, let reason):
            "\(location): \(reason); each line must be one JSON object {id,title,date,source,text}"
        case .invalidDate(let location, let value):
            "\(location): date '\(value)' is not YYYY-MM-DD; fix it or pass --date"
        }
    }
}
