import Aggregation
import Articles
import ExtractionWorker
import Foundation
import NewsWire

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The client side of one job, shared by `submit` and `run`: submit, follow progress, fetch and
/// write the report.
struct JobSession {
    let client: JobsClient

    /// Submits `articles` and prints the job id on standard output, flushed at once: a pipe (a
    /// script waiting for the id) gets it while `--wait` still follows the job.
    func submit(_ articles: [Article], name: String) async throws -> JobID {
        try await client.ensureAggregator()
        let status = try await client.submit(articles, name: name)
        print(status.jobID)
        fflush(nil)
        return JobID(status.jobID)
    }

    /// Polls the job's status, showing progress, until it is done; returns its final status. When
    /// no chunk has come back for a while it asks the broker whether any extraction worker is
    /// connected, and says once how to start one if none is (the job waits for it).
    func waitUntilDone(_ job: JobID) async throws -> Newsbus_V1_JobStatus {
        var display = ProgressDisplay()
        defer { display.finish() }
        var lastProgress = (done: -1, at: ContinuousClock.now)
        var toldNoWorkers = false
        while true {
            guard let status = try await client.status(of: job).first else {
                throw JobsClientError.badReply("the status of \(job) came back empty")
            }
            display.show(status)
            if status.state == JobState.done.rawValue { return status }
            let now = ContinuousClock.now
            if Int(status.chunksDone) != lastProgress.done {
                lastProgress = (Int(status.chunksDone), now)
            } else if !toldNoWorkers, lastProgress.at.duration(to: now) >= Self.stallBeforeWorkerCheck {
                // Asked at most once per stall period: the clock restarts either way.
                lastProgress.at = now
                // No answer says nothing about workers: the status polls report a broker that is gone.
                if (try? await client.hasWorkers(for: ExtractionWorkerService.service, timeout: .seconds(5))) == false {
                    toldNoWorkers = true
                    let broker = client.brokerEndpoint
                    display.note(
                        "no extraction worker is connected to the broker at \(broker); the job waits for one: "
                            + "start it with `newsbus worker --broker \(broker)`")
                }
            }
            try await Task.sleep(for: display.pollInterval(after: status))
        }
    }

    /// How long without a chunk coming back before the broker is asked about workers.
    static let stallBeforeWorkerCheck: Duration = .seconds(5)

    /// Fetches the report of `job` and writes it into `directory/<job id>/`; returns the paths.
    @discardableResult
    func writeReport(_ job: JobID, under directory: String) async throws -> [String] {
        let files = try await client.report(of: job)
        let target = (directory as NSString).appendingPathComponent(job.rawValue)
        let paths = try ReportWriter().write(files, to: target)
        for path in paths {
            FileHandle.standardError.write(Data("wrote \(path)\n".utf8))
        }
        return paths
    }

    /// Submits, waits and writes the report; throws ``JobOutcome`` when articles failed.
    /// `aggregatorWrites`: the aggregator writes reports into `out` itself (as `run` configures it),
    /// so they are fetched only when it could not.
    func run(_ articles: [Article], name: String, out: String, aggregatorWrites: Bool = false) async throws {
        let job = try await submit(articles, name: name)
        let status = try await waitUntilDone(job)
        let target = (out as NSString).appendingPathComponent(job.rawValue)
        let written = ["report.json", "report.md", "report.html"].map {
            (target as NSString).appendingPathComponent($0)
        }
        // A job is reported done only after the aggregator's step that wrote its report.
        if aggregatorWrites, written.allSatisfy({ FileManager.default.fileExists(atPath: $0) }) {
            for path in written {
                FileHandle.standardError.write(Data("wrote \(path)\n".utf8))
            }
        } else {
            try await writeReport(job, under: out)
        }
        if status.articlesFailed > 0 {
            throw JobOutcome.articlesFailed(job: job, failed: Int(status.articlesFailed), total: Int(status.articles))
        }
    }
}

/// A job that finished, but not cleanly.
enum JobOutcome: Error, CustomStringConvertible {
    case articlesFailed(job: JobID, failed: Int, total: Int)

    var description: String {
        switch self {
        case .articlesFailed(let job, let failed, let total):
            "\(failed) of \(total) article(s) of job \(job) failed; the report lists each with its reason"
        }
    }
}
