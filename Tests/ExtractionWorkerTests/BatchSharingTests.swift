import Extraction
import ExtractionModels
import NewsWire
import SwiftProtobuf
import Testing

@testable import ExtractionWorker

/// Batches shared with idle threads are answered exactly as whole ones, and only shared while
/// another thread is idle.
@Suite("BatchSharing")
struct BatchSharingTests {
    /// The shipped pipeline, loaded once for the suite (seconds of CPU per load in a debug build).
    private static let shipped = Result { try ExtractionModels.standardPipeline() }

    /// Forty chunks of news-like text (several sentences, names, dates), each its own request.
    private static func requests() -> [Newsbus_V1_ExtractRequest] {
        let sentences = [
            "President Kassym-Jomart Tokayev of Kazakhstan met Donald Trump in Washington on Thursday.",
            "The European Union said on Monday it would send observers to Georgia.",
            "Police in Lagos arrested 12 protesters outside the offices of Shell.",
            "Japan's foreign minister will visit Beijing next week, officials said.",
            "Rebels attacked a convoy near Goma, the United Nations reported.",
        ]
        return (0..<40).map { index in
            var request = Newsbus_V1_ExtractRequest()
            request.schemaVersion = newsbusSchemaVersion
            request.jobID = "j-1"
            request.chunkID = "j-1/\(index)"
            request.articleID = "a\(index)"
            request.articleDate = "2025-11-\(10 + index % 9)"
            let count = 1 + index % 4
            request.text = (0..<count).map { sentences[(index + $0) % sentences.count] }.joined(separator: " ")
            request.offset = 0
            request.attempt = 1
            return request
        }
    }

    /// The replies, serialized, as the worker sends them.
    private static func bytes(_ replies: [Newsbus_V1_ExtractReply]) throws -> [[UInt8]] {
        try replies.map { try $0.serializedBytes() }
    }

    @Test("with another thread idle, parts are handed on and the replies are those of the whole batch")
    func sharesWithIdleThread() throws {
        let pipeline = try Self.shipped.get()
        let requests = Self.requests()
        let sharing = BatchSharing(threads: 2, patience: .zero)
        let shared = sharing.handling(on: 0) {
            ChunkExtraction.replies(to: requests, pipeline: pipeline, sharing: sharing)
        }
        #expect(sharing.partsHandedOn > 0)
        #expect(try Self.bytes(shared) == Self.bytes(ChunkExtraction.replies(to: requests, pipeline: pipeline)))
        #expect(shared.allSatisfy { $0.error.isEmpty && !$0.entities.isEmpty })
    }

    @Test("nothing is handed on while every other thread is busy, or when there is none")
    func keepsBatchWhenNoneIdle() throws {
        let pipeline = try Self.shipped.get()
        let requests = Self.requests()
        let pair = BatchSharing(threads: 2, patience: .zero)
        let replies = pair.handling(on: 1) {
            pair.handling(on: 0) { ChunkExtraction.replies(to: requests, pipeline: pipeline, sharing: pair) }
        }
        #expect(pair.partsHandedOn == 0)
        #expect(try Self.bytes(replies) == Self.bytes(ChunkExtraction.replies(to: requests, pipeline: pipeline)))
        let single = BatchSharing(threads: 1, patience: .zero)
        _ = single.handling(on: 0) { ChunkExtraction.replies(to: requests, pipeline: pipeline, sharing: single) }
        #expect(single.partsHandedOn == 0)
    }

    @Test("a thread idle for less than the patience does not count as idle")
    func patience() throws {
        let pipeline = try Self.shipped.get()
        let sharing = BatchSharing(threads: 2, patience: .seconds(3600))
        _ = sharing.handling(on: 0) {
            ChunkExtraction.replies(to: Self.requests(), pipeline: pipeline, sharing: sharing)
        }
        #expect(sharing.partsHandedOn == 0)
    }
}
