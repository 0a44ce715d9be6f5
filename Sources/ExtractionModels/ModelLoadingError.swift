/// Why a shipped model could not be loaded.
public enum ModelLoadingError: Error, CustomStringConvertible {
    /// The resource is not in the bundle.
    case missing(name: String)
    /// The resource exists but could not be read.
    case unreadable(name: String, reason: String)

    /// What went wrong and what to do about it.
    public var description: String {
        switch self {
        case .missing(let name):
            "model '\(name)' is not in the ExtractionModels resources; build it with `newsbus train`"
        case .unreadable(let name, let reason):
            "model '\(name)' could not be read (\(reason)); rebuild it with `newsbus train`"
        }
    }
}
