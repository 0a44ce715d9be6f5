import Foundation
import NewsWire
import NewsbusTestSupport
import SwiftProtobuf
import Testing

/// Hostile input against live `newsbus broker`, `aggregator` and `worker` processes (one cluster
/// shared by the table, cases one at a time): each input gets its clear error reply, CLI message
/// or log line, and afterwards every process is still up and a small good job still completes.
@Suite("hostile input against live processes", .serialized, .hostileInputCluster)
struct HostileInputTests {
    @Test("a hostile input gets a clear answer and every process keeps serving", arguments: HostileInput.allCases)
    func hostile(_ input: HostileInput) async throws {
        let cluster = try #require(HostileInputCluster.current)
        let got = try await input.check(on: cluster)
        print("hostile input \(input): \(got)")
        try await cluster.expectServing(after: input.rawValue)
    }
}

/// The table of hostile inputs.
enum HostileInput: String, CaseIterable, CustomTestStringConvertible {
    // Malformed MDP, straight to the broker's ROUTER.
    case unknownHeader, loneEmptyFrame, unknownClientCommand, requestWithoutService, emptyServiceName
    case tooManyFrames, finalFromStrangerWorker
    // Valid MDP, bad protobuf.
    case jobsUndecodable, jobsWrongSchema, jobsNoArticles, jobsInvalidUTF8, jobsArticleOf11MB, jobsOf200MB
    case extractUndecodable, extractWrongSchema, extractInvalidUTF8
    // Sizes on the wire.
    case frameClaiming1GiB, frameClaimOverLimit, frameOverLimit
    // Routing and disconnects.
    case unknownService, extractClientGone, submitClientKilledMidJob
    // Files given to `newsbus submit`.
    case fileOf200MB, fileInvalidUTF8, fileBinary, fileEmptyJob

    var testDescription: String { rawValue }

    /// Sends this input to `cluster`, checks the answer, and returns a one-line summary of it.
    func check(on cluster: HostileInputCluster) async throws -> String {
        switch self {
        case .unknownHeader: try await malformed([Array("HELLO".utf8)], cluster, "unknown protocol header")
        case .loneEmptyFrame: try await malformed([[]], cluster, "missing")
        case .unknownClientCommand:
            try await malformed(
                [Array("MDPC02".utf8), [0x09], Array("newsbus.jobs".utf8)], cluster, "unknown MDPC02 command")
        case .requestWithoutService: try await malformed([Array("MDPC02".utf8), [0x01]], cluster, "missing its")
        case .emptyServiceName:
            try await malformed([Array("MDPC02".utf8), [0x01], [], [0x41]], cluster, "empty service name")
        case .tooManyFrames:
            try await malformed(
                HostileInputMessages.request("newsbus.jobs", Array(repeating: [0x41], count: 300)), cluster,
                "over the limit of 256")
        case .finalFromStrangerWorker:
            try await brokerLog(
                [Array("MDPW02".utf8), [0x04], Array("nobody".utf8), [], [0x41]], cluster,
                ["protocol violation", "never sent READY"], reply: [Array("MDPW02".utf8), [0x06]])
        case .jobsUndecodable: try await jobsError([[0x08, 0xFF, 0xFF]], cluster, "bad_request", "not a JobRequest (")
        case .jobsWrongSchema:
            try await jobsError(
                try HostileInputMessages.submit([("a", "Text.")], schemaVersion: 99), cluster, "bad_request",
                "schema version 99 is not 1")
        case .jobsNoArticles:
            try await jobsError(try HostileInputMessages.submit([]), cluster, "bad_request", "has no articles")
        case .jobsInvalidUTF8:
            try await jobsError(
                HostileInputMessages.patch(
                    try HostileInputMessages.submit([("a", "Caf@ Berlin.")]), marker: "f@", with: [0xC3, 0x28]),
                cluster, "bad_request", "not a JobRequest (invalidUTF8)")
        case .jobsArticleOf11MB:
            // Under the aggregator's request limit, so decoded, then refused by the 10 MB article limit.
            try await jobsError(
                try HostileInputMessages.submit([("big", Self.text(bytes: 11_000_000))]),
                cluster, "bad_request", "over the limit of 10000000", within: .seconds(120))
        case .jobsOf200MB:
            // Over the cluster's --max-job-bytes: refused on its size alone, never decoded.
            try await jobsError(
                try HostileInputMessages.submit([("huge", Self.text(bytes: 200_000_000))]),
                cluster, "bad_request", "over the aggregator's limit of \(HostileInputCluster.maximumJobBytes)",
                within: .seconds(120))
        case .extractUndecodable: try await extractFailure([[0x08, 0xFF, 0xFF]], cluster)
        case .extractWrongSchema: try await extractWrongSchema(cluster)
        case .extractInvalidUTF8:
            try await extractFailure(
                HostileInputMessages.patch(
                    try HostileInputMessages.extract(text: "Caf@ Berlin."), marker: "f@", with: [0xC3, 0x28]),
                cluster)
        case .frameClaiming1GiB: try await frameClaim(1 << 30, cluster)
        case .frameClaimOverLimit: try await frameClaim((16 << 20) + 1, cluster)
        case .frameOverLimit: try await frameOverLimit(cluster)
        case .unknownService: try await unknownService(cluster)
        case .extractClientGone: try await extractClientGone(cluster)
        case .submitClientKilledMidJob: try await HostileInputDisconnect.submitKilledMidJob(cluster)
        case .fileOf200MB, .fileInvalidUTF8, .fileBinary, .fileEmptyJob:
            try await HostileInputFiles.check(self, cluster)
        }
    }

    /// About `bytes` bytes of article text: one sentence repeated.
    private static func text(bytes: Int) -> String {
        String(repeating: "Berlin is big. ", count: bytes / 15)
    }

    /// The broker drops a malformed message and logs why.
    private func malformed(
        _ message: [[UInt8]], _ cluster: HostileInputCluster, _ reason: String
    ) async throws -> String {
        try await brokerLog(message, cluster, ["malformed message dropped", reason])
    }

    /// Sends `message`, expects `reply` (none when `nil`) and a new broker log line with every fragment.
    private func brokerLog(
        _ message: [[UInt8]], _ cluster: HostileInputCluster, _ fragments: [String], reply: [[UInt8]]? = nil
    ) async throws -> String {
        let offset = cluster.broker.output.stderr.count
        let replies = try await HostileInputPeer.exchange(
            cluster.endpoint, send: [message], replies: 1, within: .seconds(reply == nil ? 2 : 30))
        #expect(replies == (reply.map { [$0] } ?? []), "the answer to a malformed message: \(replies)")
        let line = await cluster.newLine(of: cluster.broker, after: offset, containing: fragments)
        #expect(line != nil, "the broker logs \(fragments): \(cluster.broker.output.stderr.suffix(1500))")
        return "broker log: \(line ?? "none")"
    }

    /// The aggregator answers a `newsbus.jobs` request with an error reply of `code` containing `text`.
    private func jobsError(
        _ body: [[UInt8]], _ cluster: HostileInputCluster, _ code: String, _ text: String,
        within timeout: Duration = .seconds(30)
    ) async throws -> String {
        let replies = try await HostileInputPeer.exchange(
            cluster.endpoint, send: [HostileInputMessages.request("newsbus.jobs", body)], replies: 1, within: timeout)
        let error = HostileInputMessages.jobError(replies.first)
        #expect(error?.hasPrefix(code + ":") == true && error?.contains(text) == true,
                "the aggregator answers \(code) '\(text)': \(error ?? HostileInputMessages.text(replies.first))")
        return "reply \(error ?? "none")"
    }

    /// The worker answers an undecodable `newsbus.extract` body with a 500 failure reply and logs it.
    private func extractFailure(_ body: [[UInt8]], _ cluster: HostileInputCluster) async throws -> String {
        let offset = cluster.worker.output.stderr.count
        let replies = try await HostileInputPeer.exchange(
            cluster.endpoint, send: [HostileInputMessages.request("newsbus.extract", body)], replies: 1,
            within: .seconds(30))
        let text = HostileInputMessages.text(replies.first)
        #expect(text.hasPrefix("500 | ") && text.contains("not an ExtractRequest"), "a 500 failure reply: \(text)")
        let line = await cluster.newLine(of: cluster.worker, after: offset, containing: ["handler failed"])
        #expect(line != nil, "the worker logs the failure: \(cluster.worker.output.stderr.suffix(1500))")
        return "reply \(text)"
    }

    /// The worker answers a request of another schema version with an `ExtractReply` naming the versions.
    private func extractWrongSchema(_ cluster: HostileInputCluster) async throws -> String {
        let body = try HostileInputMessages.extract(schemaVersion: 99)
        let replies = try await HostileInputPeer.exchange(
            cluster.endpoint, send: [HostileInputMessages.request("newsbus.extract", body)], replies: 1,
            within: .seconds(30))
        let frames = replies.first.flatMap(HostileInputPeer.body(ofReply:)) ?? []
        let reply = frames.count == 1 ? try? Newsbus_V1_ExtractReply(serializedBytes: frames[0]) : nil
        #expect(
            reply?.error.contains("schema version 99 is not 1") == true,
            "an ExtractReply with the error: \(String(describing: reply))")
        #expect(reply?.entities.isEmpty == true)
        return "ExtractReply.error \(reply?.error ?? "none")"
    }

    /// The broker's libzmq closes a connection whose frame header claims more than the limit.
    private func frameClaim(_ size: UInt64, _ cluster: HostileInputCluster) async throws -> String {
        let closed = try await HostileInputPeer.claimFrame(of: size, to: cluster.endpoint, within: .seconds(10))
        #expect(closed, "the broker closes a connection claiming a \(size)-byte frame")
        return closed ? "connection closed by the broker (ZMQ_MAXMSGSIZE)" : "connection left open"
    }

    /// A real frame one byte over the broker's 16 MiB limit is never answered.
    private func frameOverLimit(_ cluster: HostileInputCluster) async throws -> String {
        let body = [[UInt8](repeating: 0x41, count: (16 << 20) + 1)]
        let replies = try await HostileInputPeer.exchange(
            cluster.endpoint, send: [HostileInputMessages.request("newsbus.jobs", body)], replies: 1,
            within: .seconds(5))
        #expect(
            replies.isEmpty,
            "an oversized frame is dropped with its connection: \(replies.map(HostileInputMessages.text))")
        return "no reply (connection dropped by libzmq)"
    }

    /// A request for a service nobody serves gets a 504 after the broker's request timeout, and
    /// `mmi.service` says 404.
    private func unknownService(_ cluster: HostileInputCluster) async throws -> String {
        let replies = try await HostileInputPeer.exchange(
            cluster.endpoint,
            send: [HostileInputMessages.request("no.such.service", [[0x41]]),
                   HostileInputMessages.request("mmi.service", [Array("no.such.service".utf8)])],
            replies: 2, within: .seconds(HostileInputCluster.requestTimeout * 6))
        let texts = replies.map(HostileInputMessages.text)
        #expect(texts.contains("404"), "mmi.service answers 404: \(texts)")
        #expect(texts.contains { $0.hasPrefix("504 | ") }, "the request expires with a 504: \(texts)")
        return "replies \(texts)"
    }

    /// A client that leaves before its extraction reply: the worker's reply is dropped, nothing breaks.
    private func extractClientGone(_ cluster: HostileInputCluster) async throws -> String {
        let request = HostileInputMessages.request("newsbus.extract", try HostileInputMessages.extract())
        let replies = try await HostileInputPeer.exchange(cluster.endpoint, send: [request], replies: 0, within: .zero)
        #expect(replies.isEmpty)
        return "client gone before the reply; the reply is dropped"
    }
}
