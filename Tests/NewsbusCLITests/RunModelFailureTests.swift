import Aggregation
import Articles
import Foundation
import Logging
import Testing

@testable import newsbus

/// `run` when its models cannot be loaded: the job cannot finish without workers, so the loading
/// error must end the command instead of leaving it waiting.
@Suite("newsbus run when the models fail to load")
struct RunModelFailureTests {
    private struct BrokenModels: Error {}

    @Test("a model-loading failure ends run with that error, and no report is written")
    func loadingFailureEndsTheRun() async throws {
        let out = try CLITestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let articles = [Article(id: "a", title: "A", text: "Kazakhstan joined the Abraham Accords on Thursday.")]
        let configuration = AggregatorService.Configuration(
            brokerEndpoint: "", storeDirectory: nil,
            aggregator: Aggregator.Configuration(reportsDirectory: out.path))
        let models = ModelLoading { throw BrokenModels() }
        await #expect(throws: BrokenModels.self) {
            try await RunCommand.run(
                articles, name: "broken", models: models, workers: 1, out: out.path,
                aggregator: configuration, logger: Logger(label: "newsbus.test.run"))
        }
        let written = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(written.isEmpty, "no report for a job that could not run: \(written)")
    }
}
