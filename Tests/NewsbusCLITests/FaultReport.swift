import Foundation
import NewsbusTestSupport
import Testing

/// What the fault tests read from a `report.json`: articles, per-article mention counts, stats.
struct FaultReport: Sendable {
    /// Article id → status ("ok" or "failed").
    let status: [String: String]
    /// Article id → its error text, for failed articles.
    let errors: [String: String]
    /// How often each article id is listed (must be once).
    let listed: [String: Int]
    /// "article|type|name" → mentions of that entity in that article.
    let mentions: [String: Int]
    /// The report's integer `stats` counters (chunks, retries, duplicates_dropped, failures…).
    let stats: [String: Int]

    /// Reads `directory/report.json` and checks its shape.
    init(directory: URL) throws {
        let data = try Data(contentsOf: directory.appendingPathComponent("report.json"))
        let json = try JSONSerialization.jsonObject(with: data)
        #expect(ReportShape.problems(in: json) == [])
        let root = try #require(json as? [String: Any])
        let articles = try #require(root["articles"] as? [[String: Any]])
        var status: [String: String] = [:]
        var errors: [String: String] = [:]
        var listed: [String: Int] = [:]
        for article in articles {
            guard let id = article["id"] as? String else { continue }
            listed[id, default: 0] += 1
            status[id] = article["status"] as? String
            errors[id] = article["error"] as? String
        }
        var mentions: [String: Int] = [:]
        for entity in try #require(root["entities"] as? [[String: Any]]) {
            let key = "\(entity["type"] as? String ?? "?")|\(entity["name"] as? String ?? "?")"
            for (article, count) in entity["articles"] as? [String: Int] ?? [:] {
                mentions["\(article)|\(key)", default: 0] += count
            }
        }
        self.status = status
        self.errors = errors
        self.listed = listed
        self.mentions = mentions
        stats = (root["stats"] as? [String: Any] ?? [:]).compactMapValues { $0 as? Int }
    }

    /// The `stats.retries` counter.
    var retries: Int { stats["retries"] ?? -1 }

    /// Mention counts that differ from `reference` (missing, extra or different), for messages.
    func mentionDifferences(from reference: FaultReport) -> [String] {
        Set(mentions.keys).union(reference.mentions.keys).sorted().compactMap { key in
            mentions[key] == reference.mentions[key]
                ? nil : "\(key): \(mentions[key] ?? 0) vs \(reference.mentions[key] ?? 0) fault-free"
        }
    }
}

/// The fault-free reference report for the fault tests' articles, made once by `newsbus run`
/// with the same chunking as the cluster.
actor FaultReference {
    static let shared = FaultReference()
    private var report: FaultReport?

    /// The reference for `FaultInjectionTests.articleCount` generated articles written at `articles`.
    func report(for articles: URL) async throws -> FaultReport {
        if let report { return report }
        let out = try CLITestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try CLITestSupport.start(
            ["run", "--workers", "2", "--out", out.path] + FaultCluster.tuning + [articles.path])
        #expect(try await run.exitStatus(within: .seconds(480)) == 0, "\(run.output.stderr)")
        let made = try FaultReport(directory: try CLITestSupport.reportDirectory(in: out))
        report = made
        return made
    }
}
