import Foundation
import Majordomo
import NewsWire

/// The tables `newsbus status` prints, as plain aligned text.
enum StatusTable {
    /// One line per service: workers, idle workers, waiting requests.
    static func services(_ services: [ManagementDirectory.Service]) -> String {
        guard !services.isEmpty else { return "no services (no workers connected, no requests waiting)" }
        return table(
            ["SERVICE", "WORKERS", "IDLE", "QUEUED"],
            services.map { [$0.name, "\($0.workers)", "\($0.idle)", "\($0.queued)"] })
    }

    /// One line per worker: service, host, state and idle time.
    static func workers(_ workers: [ManagementDirectory.Worker]) -> String {
        guard !workers.isEmpty else { return "no workers" }
        return table(
            ["SERVICE", "HOST", "STATE", "IDLE", "LAST HEARD", "WORKER"],
            workers.map {
                [$0.service, $0.address, $0.isBusy ? "busy" : "idle", $0.isBusy ? "-" : duration($0.idleMilliseconds),
                 duration($0.silentMilliseconds) + " ago", $0.identity]
            })
    }

    /// One line per job: state, articles, progress and the estimated time left.
    static func jobs(_ jobs: [Newsbus_V1_JobStatus], now: Date) -> String {
        guard !jobs.isEmpty else { return "no jobs" }
        return table(
            ["JOB", "STATE", "ARTICLES", "FAILED", "CHUNKS", "PROGRESS", "ETA", "RETRIES", "SUBMITTED", "NAME"],
            jobs.map { job in
                let progress = job.chunksTotal == 0 ? 0 : Double(job.chunksDone) / Double(job.chunksTotal)
                return [job.jobID, job.state, "\(job.articles)", "\(job.articlesFailed)",
                        "\(job.chunksDone)/\(job.chunksTotal)", String(format: "%.0f%%", progress * 100),
                        eta(job, now: now), "\(job.retries)", job.submitted, job.name]
            })
    }

    /// Time left for an unfinished job at the rate so far; `-` when finished or not started.
    static func eta(_ job: Newsbus_V1_JobStatus, now: Date) -> String {
        guard job.finished.isEmpty, job.chunksDone > 0, job.chunksDone < job.chunksTotal,
            let submitted = try? Date(job.submitted, strategy: .iso8601)
        else { return "-" }
        let elapsed = now.timeIntervalSince(submitted)
        let left = elapsed * Double(job.chunksTotal - job.chunksDone) / Double(job.chunksDone)
        return duration(Int(left * 1000))
    }

    /// "850ms", "12s", "3m05s", "2h10m".
    static func duration(_ milliseconds: Int) -> String {
        let seconds = milliseconds / 1000
        if seconds < 1 { return "\(milliseconds)ms" }
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3600 { return String(format: "%dm%02ds", seconds / 60, seconds % 60) }
        return String(format: "%dh%02dm", seconds / 3600, seconds / 60 % 60)
    }

    /// Columns padded to their widest cell, two spaces apart.
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        return ([header] + rows).map { row in
            row.enumerated().map { column, cell in
                cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }
}
