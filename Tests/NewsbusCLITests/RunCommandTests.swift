import Foundation
import NewsbusTestSupport
import Testing

@Suite("newsbus run (embedded cluster)")
struct RunCommandTests {
    @Test("run on the sample articles writes the three report files, and report.json has the DESIGN.md shape")
    func runWritesReports() async throws {
        let out = try CLITestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try CLITestSupport.start(["run", CLITestSupport.samples.path, "--workers", "2", "--out", out.path])
        let status = try await run.exitStatus(within: .seconds(300))
        #expect(status == 0, "\(run.output.stderr)")
        let directory = try CLITestSupport.reportDirectory(in: out)
        #expect(run.output.lines.first == directory.lastPathComponent, "the job id is printed on stdout")
        for name in ["report.json", "report.md", "report.html"] {
            let size = (try? FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(name).path))?[.size]
            #expect((size as? NSNumber)?.intValue ?? 0 > 0, "\(name) written")
        }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("report.json")))
        #expect(ReportShape.problems(in: json) == [])
        let report = try #require(json as? [String: Any])
        let articles = try #require(report["articles"] as? [[String: Any]])
        #expect(Set(articles.compactMap { $0["id"] as? String }) == Set(try GeneratedArticles.sampleIDs()))
        #expect(articles.allSatisfy { $0["status"] as? String == "ok" })
        let entities = try #require(report["entities"] as? [[String: Any]])
        #expect(!entities.isEmpty)
    }

    @Test("the report shape check rejects a report missing keys and with wrong types")
    func shapeCheckCanFail() {
        let broken: [String: Any] = ["job": ["id": 1], "articles": [["id": "a", "status": "maybe"]], "entities": "x"]
        let problems = ReportShape.problems(in: broken)
        #expect(problems.contains("missing top-level key 'stats'"))
        #expect(problems.contains("job.id is not a string"))
        #expect(problems.contains("articles[0].status is 'maybe'"))
        #expect(problems.contains("entities is not an array"))
    }
}
