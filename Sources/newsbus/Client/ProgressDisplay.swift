import Foundation
import NewsWire

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Shows a job's progress on standard error: one updating line on a terminal, plain periodic
/// lines otherwise (logs, CI).
struct ProgressDisplay {
    private let isTerminal = isatty(STDERR_FILENO) != 0
    private let started = ContinuousClock.now
    private var lastPlainLine: ContinuousClock.Instant?
    private var drewLine = false

    /// How long to wait before polling the status again: 200 ms (250 ms off a terminal), but
    /// shorter as the job nears its end (a fifth of the estimated time left, at least 5 ms), so
    /// the report is picked up soon after the job is done rather than up to a whole interval later.
    /// Before the first chunk is back, a quarter of the time so far (at least 5 ms), so a small job
    /// is not kept waiting a whole interval. Once every chunk is back and only the report is being
    /// written, 1 ms: the aggregator answers a status request only between its steps, so at most
    /// one waits there while it writes the report, and the answer that says "done" comes right
    /// after (polling every 5 ms left the end of a job seen ~3 ms late on average).
    func pollInterval(after status: Newsbus_V1_JobStatus) -> Duration {
        let regular: Duration = isTerminal ? .milliseconds(200) : .milliseconds(250)
        let done = Int(status.chunksDone)
        let total = Int(status.chunksTotal)
        if total > 0, done >= total { return .milliseconds(1) }
        let elapsed = started.duration(to: .now)
        guard done > 0, total > done else { return max(.milliseconds(5), min(regular, elapsed / 4)) }
        let remaining = elapsed * (Double(total - done) / Double(done))
        return max(.milliseconds(5), min(regular, remaining / 5))
    }

    /// Shows `status`; plain lines at most every 2 s, or when the job is done.
    mutating func show(_ status: Newsbus_V1_JobStatus) {
        let line = Self.describe(status, elapsed: started.duration(to: .now))
        if isTerminal {
            write("\r\u{1B}[2K" + line)
            drewLine = true
        } else if status.state == "done" || lastPlainLine.map({ $0.duration(to: .now) >= .seconds(2) }) ?? true {
            write(line + "\n")
            lastPlainLine = .now
        }
    }

    /// Writes `text` on a line of its own (below the updating line, which is drawn again next time).
    mutating func note(_ text: String) {
        finish()
        write(text + "\n")
    }

    /// Ends the updating line, if one was drawn.
    mutating func finish() {
        if drewLine { write("\n") }
        drewLine = false
    }

    /// "job j-… running: chunks 12/40, 3.2 articles/s, ETA 9 s".
    static func describe(_ status: Newsbus_V1_JobStatus, elapsed: Duration) -> String {
        let seconds = max(0.001, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        let total = max(1, Int(status.chunksTotal))
        let done = Int(status.chunksDone)
        let fraction = Double(done) / Double(total)
        let rate = Double(status.articles) * fraction / seconds
        var line = "job \(status.jobID) \(status.state): chunks \(done)/\(status.chunksTotal)"
        line += String(format: ", %.1f articles/s", rate)
        if status.state != "done", done > 0 {
            let remaining = seconds * Double(total - done) / Double(done)
            line += ", ETA \(Int(remaining.rounded(.up))) s"
        }
        if status.articlesFailed > 0 { line += ", \(status.articlesFailed) article(s) failed" }
        return line
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
