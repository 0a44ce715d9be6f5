import Foundation
import NewsbusTestSupport
import Testing

@Suite("newsbus submit")
struct SubmitCommandTests {
    @Test("submit --wait with stdout in a pipe prints the job id at once, while it still waits for the job")
    func jobIDReachesPipeAtOnce() async throws {
        let directory = try CLITestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let articles = directory.appendingPathComponent("articles.jsonl")
        _ = try GeneratedArticles.write(count: 3, to: articles)
        // No worker: the job cannot finish, so the client is still waiting when the id must show.
        let cluster = FaultCluster(directory: directory)
        try await cluster.startBroker()
        try await cluster.startAggregator()
        let submit = try cluster.submitWaiting([articles.path], out: directory.appendingPathComponent("out"))
        defer { submit.kill() }
        let printed = await eventually(within: .seconds(60), checkingEvery: .milliseconds(20)) {
            submit.output.lines.contains { $0.hasPrefix("j-") } || submit.output.exitStatus != nil
        }
        #expect(printed, "no job id on stdout yet: stderr \(submit.output.stderr)")
        #expect(submit.output.exitStatus == nil, "submit --wait still waits: \(submit.output.stderr)")
        let shown = try await FaultCluster.jobID(shownBy: submit)
        #expect(submit.output.lines.first == shown, "stdout's first line is the job id the progress shows")
    }
}
