/// Why the extraction worker could not answer a request at all (bad requests that still carry a
/// chunk id are answered with an `ExtractReply` whose `error` is set instead).
public enum ExtractionWorkerError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The request body is not one `ExtractRequest` frame.
    case malformedRequest(String)

    /// What went wrong and what to do about it.
    public var description: String {
        switch self {
        case .malformedRequest(let reason):
            "malformed newsbus.extract request: \(reason); send one ExtractRequest frame from a matching newsbus"
        }
    }
}
