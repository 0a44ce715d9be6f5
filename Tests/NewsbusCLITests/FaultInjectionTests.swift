import Foundation
import NewsbusTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Real processes, real SIGKILL: a 500-article job through broker + aggregator + 3 workers
/// survives the death of each role, and a poison article ends as failed without stopping the rest.
/// Serialized: each test runs five processes on a 2-core machine.
@Suite("fault injection with real processes and SIGKILL", .serialized)
struct FaultInjectionTests {
    /// Articles per killed-role job.
    static let articleCount = 500

    /// Which role the test kills mid-job.
    enum Victim: String, CaseIterable, CustomTestStringConvertible {
        case worker, aggregator, broker
        var testDescription: String { rawValue }
    }

    @Test("a job survives one role killed with SIGKILL mid-job and accounts for every article exactly once",
          arguments: Victim.allCases)
    func killedRole(_ victim: Victim) async throws {
        let started = ContinuousClock.now
        let directory = try CLITestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let articles = directory.appendingPathComponent("articles.jsonl")
        let ids = Set(try GeneratedArticles.write(count: Self.articleCount, to: articles))
        let reference = try await FaultReference.shared.report(for: articles)

        // Each chunk takes at least 25 ms, so the job lasts long enough to be hit mid-way.
        let cluster = FaultCluster(directory: directory, workerEnvironment: ["NEWSBUS_FAULT_INJECTION": "delay-ms:25"])
        try await cluster.startBroker()
        try await cluster.startAggregator()
        for _ in 0..<3 { try await cluster.startWorker() }
        let out = directory.appendingPathComponent("out")
        let submit = try cluster.submitWaiting([articles.path], out: out)
        let job = try await FaultCluster.jobID(shownBy: submit)
        try await FaultCluster.waitForProgress(shownBy: submit, fraction: 0.1)

        switch victim {
        case .worker:
            try #require(cluster.workers.first).kill()
        case .aggregator:
            try #require(cluster.aggregator).kill()
            let ready = try await cluster.startAggregator()
            #expect(ready.contains("jobs.resumed=1"), "the restarted aggregator resumes the job: \(ready)")
        case .broker:
            try #require(cluster.broker).kill()
            try await cluster.startBroker()
        }

        let status = try await submit.exitStatus(within: .seconds(480))
        #expect(status == 0, "the waiting client gets its report: \(submit.output.stderr)")
        let report = try FaultReport(directory: out.appendingPathComponent(job))
        #expect(Set(report.listed.keys) == ids, "every article is in the report")
        #expect(report.listed.values.allSatisfy { $0 == 1 }, "no article is listed twice")
        let failed = report.status.filter { $0.value != "ok" }
        #expect(failed.isEmpty, "failed: \(failed.keys.sorted()) \(report.errors)")
        let differences = report.mentionDifferences(from: reference)
        #expect(differences.isEmpty, "mention counts differ from the fault-free run: \(differences.prefix(20))")
        if victim != .aggregator {
            // A dead worker or broker loses the requests it held; the aggregator sends them again.
            #expect(report.retries > 0, "the lost chunk requests are retried: stats \(report.stats)")
        }
        if victim == .broker {
            try await expectReconnected(cluster, job: job)
        }
        print("fault test \(victim): \(ids.count) articles, stats.retries=\(report.retries), "
              + "duplicates_dropped=\(report.stats["duplicates_dropped"] ?? -1), took \(ContinuousClock.now - started)")
    }

    @Test("a worker stopped with SIGTERM mid-job hands back the requests it held: none waits for a timeout")
    func stoppedWorker() async throws {
        let started = ContinuousClock.now
        let directory = try CLITestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let articles = directory.appendingPathComponent("articles.jsonl")
        let ids = Set(try GeneratedArticles.write(count: 200, to: articles))
        // With credit each worker holds several chunks at once (queued in its socket while it
        // extracts one); a chunk lost with the stopped worker would wait the 120 s timeout.
        let cluster = FaultCluster(
            directory: directory,
            tuning: ["--chunk-size", "600", "--window", "16", "--timeout", "120", "--attempts", "2"],
            workerEnvironment: ["NEWSBUS_FAULT_INJECTION": "delay-ms:25"])
        try await cluster.startBroker(["--worker-credit", "8"])
        try await cluster.startAggregator()
        for _ in 0..<2 { try await cluster.startWorker() }
        let out = directory.appendingPathComponent("out")
        let submit = try cluster.submitWaiting([articles.path], out: out)
        let job = try await FaultCluster.jobID(shownBy: submit)
        try await FaultCluster.waitForProgress(shownBy: submit, fraction: 0.1)

        let stopped = try #require(cluster.workers.first)
        stopped.send(signal: SIGTERM)
        #expect(try await stopped.exitStatus(within: .seconds(60)) == 0, "\(stopped.output.stderr)")
        #expect(try await submit.exitStatus(within: .seconds(100)) == 0, "the job ends long before a timeout")
        let report = try FaultReport(directory: out.appendingPathComponent(job))
        #expect(Set(report.listed.keys) == ids && report.status.values.allSatisfy { $0 == "ok" })
        #expect(report.retries == 0, "no chunk was lost: stats \(report.stats)")
        let broker = try #require(cluster.broker).output.stderr
        let left = broker.split(separator: "\n").filter { $0.contains("worker disconnected") }
        #expect(left.count == 1 && left[0].contains("mdp.request_lost=false"), "\(left)")
        print("fault test stopped worker: \(ids.count) articles, \(left.first ?? ""), took \(ContinuousClock.now - started)")
    }

    @Test("a poison article that crashes every worker it reaches ends failed with a reason; the others complete")
    func poisonArticle() async throws {
        let started = ContinuousClock.now
        let directory = try CLITestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let articles = directory.appendingPathComponent("articles.jsonl")
        let ids = Set(try GeneratedArticles.write(count: 40, to: articles))
        let marker = "POISON-\(UUID().uuidString.prefix(8))"
        let poisonID = "poison-article"
        let poison = directory.appendingPathComponent("poison.jsonl")
        let record = [
            "id": poisonID, "title": "Poison", "date": "2025-11-01",
            "text": "A poison article from Berlin. It names \(marker) and crashes every worker that extracts it.",
        ]
        try JSONSerialization.data(withJSONObject: record).write(to: poison)

        let attempts = 2
        let cluster = FaultCluster(
            directory: directory,
            tuning: ["--chunk-size", "600", "--window", "6", "--timeout", "5", "--attempts", "\(attempts)"],
            workerEnvironment: ["NEWSBUS_FAULT_INJECTION": "crash-on:\(marker)"])
        try await cluster.startBroker()
        try await cluster.startAggregator()
        // One worker more than the poison's attempts, so one always survives.
        for _ in 0...attempts { try await cluster.startWorker() }
        let out = directory.appendingPathComponent("out")
        let submit = try cluster.submitWaiting([articles.path, poison.path], out: out)
        let job = try await FaultCluster.jobID(shownBy: submit)

        // The client writes the report, then exits non-zero because an article failed.
        #expect(try await submit.exitStatus(within: .seconds(300)) != 0)
        #expect(submit.output.stderr.contains("1 of \(ids.count + 1) article(s)"), "\(submit.output.stderr)")
        let crashed = cluster.workers.filter { $0.output.exitStatus != nil }
        #expect(!crashed.isEmpty && crashed.count <= attempts, "the poison crashed \(crashed.count) worker(s)")
        for worker in crashed {
            #expect(worker.output.stderr.contains("fault injection"), "the crash is the injected one")
        }
        let report = try FaultReport(directory: out.appendingPathComponent(job))
        #expect(Set(report.listed.keys) == ids.union([poisonID]))
        #expect(report.status[poisonID] == "failed")
        let reason = report.errors[poisonID] ?? ""
        #expect(reason.contains("no reply after \(attempts) attempts"), "the failure has a reason: '\(reason)'")
        let failedOthers = report.status.filter { $0.key != poisonID && $0.value != "ok" }
        #expect(failedOthers.isEmpty, "the other articles complete: \(failedOthers) \(report.errors)")
        print("fault test poison: \(ids.count + 1) articles, reason '\(reason)', \(crashed.count) worker(s) crashed, "
              + "stats.retries=\(report.retries), took \(ContinuousClock.now - started)")
    }

    /// After a broker restart, the aggregator answers status and workers are registered again.
    private func expectReconnected(_ cluster: FaultCluster, job: String) async throws {
        let query = try cluster.run(["status", "--broker", cluster.endpoint, job])
        #expect(try await query.exitStatus(within: .seconds(60)) == 0, "\(query.output.stderr)")
        #expect(query.output.stdout.contains("done"), "the aggregator is reachable again: \(query.output.stdout)")
        #expect(query.output.stdout.contains("newsbus.extract: workers connected"))
        for worker in cluster.workers {
            #expect(worker.output.exitStatus == nil, "workers stay up through the broker restart")
        }
    }
}
