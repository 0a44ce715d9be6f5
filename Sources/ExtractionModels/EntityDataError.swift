/// A data file needed to build the entity tables could not be read.
public enum EntityDataError: Error, CustomStringConvertible {
    /// The file at `path` is missing or not UTF-8 text.
    case unreadable(path: String, reason: String)

    /// What went wrong and what to do about it.
    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            "cannot read '\(path)' (\(reason)); point --data at the shared data directory (see its README.md)"
        }
    }
}
