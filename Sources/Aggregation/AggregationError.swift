/// Everything that can go wrong in the aggregator's own work (store, replies, reports).
public enum AggregationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The job store could not be opened, read or written.
    case store(path: String, reason: String)
    /// No job has this id.
    case unknownJob(JobID)
    /// A reply from a worker could not be used.
    case badReply(reason: String)
    /// A report file could not be written.
    case reportWrite(path: String, reason: String)

    /// What went wrong and what to do about it.
    public var description: String {
        switch self {
        case .store(let path, let reason):
            "job store \(path): \(reason); check the disk and the directory's permissions"
        case .unknownJob(let id):
            "no job '\(id)'; list jobs with `newsbus status`"
        case .badReply(let reason):
            "unusable extraction reply (\(reason)); check that workers run the same newsbus version"
        case .reportWrite(let path, let reason):
            "cannot write report \(path) (\(reason)); check the output directory"
        }
    }
}
