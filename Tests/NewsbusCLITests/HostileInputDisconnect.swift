import Foundation
import NewsbusTestSupport
import Testing

/// A `newsbus submit --wait` client killed (SIGKILL) while its job runs: the job still finishes.
enum HostileInputDisconnect {
    /// Submits 40 articles with `--wait`, kills the client once it shows its job id, and waits until
    /// `newsbus status` reports that job done with every article.
    static func submitKilledMidJob(_ cluster: HostileInputCluster) async throws -> String {
        let scratch = try cluster.scratch()
        let articles = scratch.appendingPathComponent("articles.jsonl")
        let ids = try GeneratedArticles.write(count: 40, to: articles)
        let submit = try CLITestSupport.start([
            "submit", "--broker", cluster.endpoint, "--wait", "--out", scratch.appendingPathComponent("out").path,
            articles.path,
        ])
        let job = try await FaultCluster.jobID(shownBy: submit)
        submit.kill()
        var last = ""
        let done = await eventually(within: .seconds(240), checkingEvery: .milliseconds(200)) {
            let status = try? CLITestSupport.start(["status", "--broker", cluster.endpoint, job])
            _ = try? await status?.exitStatus(within: .seconds(30))
            last = status?.output.stdout ?? ""
            return last.contains("done")
        }
        #expect(done, "the job of a killed client still finishes: \(last)")
        #expect(last.contains("\(ids.count)"), "its status counts all \(ids.count) articles: \(last)")
        let line = last.split(separator: "\n").first { $0.hasPrefix(job) } ?? ""
        return "client killed mid-job; job \(job) finished: \(line)"
    }
}
