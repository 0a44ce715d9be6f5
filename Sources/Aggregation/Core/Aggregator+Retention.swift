public import Foundation

extension Aggregator {
    /// How often finished jobs past ``Configuration/keepDays`` are looked for after the start.
    public static let retentionInterval = Duration.seconds(3600)

    /// Deletes what ``pruneFinishedJobs(date:)`` deletes and sets the next check an interval from
    /// `now` (when a retention period is configured).
    mutating func checkRetention(now: Instant, date: Date) throws(AggregationError) -> [JobID] {
        guard configuration.keepDays != nil else { return [] }
        nextRetentionCheck = now.advanced(by: Self.retentionInterval)
        return try pruneFinishedJobs(date: date)
    }

    /// Deletes the jobs that finished more than ``Configuration/keepDays`` days before `date`, with
    /// their rows and report directories; returns their ids (none when every job is kept). A
    /// report directory that cannot be removed is left behind: the store no longer knows the job.
    public func pruneFinishedJobs(date: Date) throws(AggregationError) -> [JobID] {
        guard let keepDays = configuration.keepDays else { return [] }
        let pruned = try store.prune(finishedBefore: date.addingTimeInterval(-Double(keepDays) * 86_400))
        if let directory = configuration.reportsDirectory {
            for job in pruned {
                let path = (directory as NSString).appendingPathComponent(job.rawValue)
                try? FileManager.default.removeItem(atPath: path)
            }
        }
        return pruned
    }
}
