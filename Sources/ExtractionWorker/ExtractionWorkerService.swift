public import Extraction
import Foundation
public import Logging
public import Majordomo
import NewsWire
import SwiftProtobuf
public import ZeroMQ

/// The extraction worker role: N MDP worker connections for `newsbus.extract`, one thread each,
/// all answering with ``ChunkExtraction`` over one shared (immutable) `Pipeline`.
///
/// Each connection's handler decodes one `ExtractRequest`, runs the pipeline and replies with one
/// `ExtractReply` frame. A request that is not a decodable `ExtractRequest` is answered with the
/// worker failure reply ("500"); a failure after decoding names the chunk id in its reason, which
/// the aggregator matches to count a failed attempt at once.
public final class ExtractionWorkerService: Sendable {
    /// The MDP service this role serves.
    public static let service: ServiceName = "newsbus.extract"

    private let connections: [WorkerConnection]

    /// Connects `threads` workers to `brokerEndpoint` in `context` and starts serving at once.
    /// `configure` may adjust each connection's settings (heartbeats, CURVE keys).
    /// `crashMarker` is a fault-injection hook for tests, off (`nil`) by default: when set, the
    /// process aborts on any request whose body contains these UTF-8 bytes (a "poison" chunk).
    /// `chunkDelay`, also a test-only hook (`nil` by default), makes each request take at least
    /// that long, so tests can kill processes while chunks are certainly in flight.
    public init(
        context: Context, brokerEndpoint: String, threads: Int, pipeline: Pipeline, logger: Logger,
        crashMarker: String? = nil, chunkDelay: Duration? = nil,
        configure: @Sendable (inout WorkerConfiguration) -> Void = { _ in }
    ) {
        var configuration = WorkerConfiguration(brokerEndpoint: brokerEndpoint, service: Self.service)
        configure(&configuration)
        let settings = configuration
        let poison = crashMarker.flatMap { $0.isEmpty ? nil : Array($0.utf8) }
        let metrics = WorkerMetrics()
        let sharing = BatchSharing(threads: max(1, threads))
        connections = (0..<max(1, threads)).map { index in
            var threadLogger = logger
            threadLogger[metadataKey: "worker.thread"] = "\(index + 1)"
            let faultLogger = threadLogger
            return WorkerConnection(
                context: context, configuration: settings, logger: threadLogger,
                batchHandler: { bodies in
                    // The thread counts as busy from here (delayed by the test hook too), so no
                    // other thread takes it for idle.
                    sharing.handling(on: index) {
                        if let poison, bodies.contains(where: { $0.contains { Self.bytes($0, contain: poison) } }) {
                            faultLogger.critical(
                                "fault injection: chunk contains the crash marker, aborting the process")
                            fatalError("NEWSBUS_FAULT_INJECTION crash-on marker found in a chunk")
                        }
                        if let chunkDelay {
                            let (seconds, attoseconds) = chunkDelay.components
                            let perChunk = Double(seconds) + Double(attoseconds) / 1e18
                            Thread.sleep(forTimeInterval: perChunk * Double(bodies.count))
                        }
                        return metrics.measure(bodies.count) {
                            Self.answer(bodies, pipeline: pipeline, sharing: sharing, logger: faultLogger)
                        }
                    }
                })
        }
    }

    /// How many worker connections (threads) this service runs.
    public var threadCount: Int { connections.count }

    /// Says DISCONNECT on every connection and joins their threads. Safe to call more than once.
    public func stop() {
        for connection in connections {
            connection.stop()
        }
    }

    /// Whether `haystack` contains `needle` as a contiguous byte run.
    static func bytes(_ haystack: [UInt8], contain needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        return (0...(haystack.count - needle.count)).contains { start in
            haystack[start..<(start + needle.count)].elementsEqual(needle)
        }
    }

    /// Answers `newsbus.extract` request bodies (each exactly one frame holding an
    /// `ExtractRequest`), in order; the decodable ones are extracted as one batch.
    static func answer(
        _ bodies: [[[UInt8]]], pipeline: Pipeline, sharing: BatchSharing? = nil, logger: Logger? = nil
    ) -> [Result<[[UInt8]], any Error>] {
        var results = [Result<[[UInt8]], any Error>?](repeating: nil, count: bodies.count)
        var requests: [Newsbus_V1_ExtractRequest] = []
        var owners: [Int] = []
        for (index, body) in bodies.enumerated() {
            do {
                requests.append(try request(in: body))
                owners.append(index)
            } catch {
                results[index] = .failure(error)
            }
        }
        let replies = ChunkExtraction.replies(to: requests, pipeline: pipeline, sharing: sharing)
        for (index, (request, reply)) in zip(owners, zip(requests, replies)) {
            let ids: Logger.Metadata = [
                "job.id": "\(request.jobID)", "chunk.id": "\(request.chunkID)", "article.id": "\(request.articleID)",
            ]
            if reply.error.isEmpty { logger?.trace("chunk extracted", metadata: ids) } else {
                logger?.info("chunk failed", metadata: ids.merging(["error": "\(reply.error)"]) { $1 })
            }
            do {
                results[index] = .success([try reply.serializedBytes()])
            } catch {
                results[index] = .failure(
                    ExtractionWorkerError.malformedRequest("reply for '\(request.chunkID)' cannot be encoded: \(error)"))
            }
        }
        return results.map { $0 ?? .failure(ExtractionWorkerError.malformedRequest("request left unanswered")) }
    }

    /// The one `ExtractRequest` a `newsbus.extract` request body holds.
    private static func request(in body: [[UInt8]]) throws(ExtractionWorkerError) -> Newsbus_V1_ExtractRequest {
        guard body.count == 1, let frame = body.first else {
            throw .malformedRequest("expected 1 body frame, got \(body.count)")
        }
        do {
            return try Newsbus_V1_ExtractRequest(serializedBytes: frame)
        } catch {
            throw .malformedRequest("not an ExtractRequest (\(frame.count) bytes): \(error)")
        }
    }
}
