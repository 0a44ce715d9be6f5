import Foundation
import NewsWire
import SwiftProtobuf

/// Builds the hostile messages: MDP client requests around hand-made protobuf payloads.
enum HostileInputMessages {
    /// "MDPC02", REQUEST, `service`, then `body` (RFC 18 framing, as a DEALER sends it).
    static func request(_ service: String, _ body: [[UInt8]]) -> [[UInt8]] {
        [Array("MDPC02".utf8), [0x01], Array(service.utf8)] + body
    }

    /// A `newsbus.jobs` request body: the serialized request cut into 4 MiB frames, as newsbus
    /// clients send it.
    static func jobs(_ edit: (inout Newsbus_V1_JobRequest) -> Void) throws -> [[UInt8]] {
        var request = Newsbus_V1_JobRequest()
        request.schemaVersion = newsbusSchemaVersion
        edit(&request)
        let bytes: [UInt8] = try request.serializedBytes()
        let piece = 4 << 20
        return stride(from: 0, to: max(bytes.count, 1), by: piece).map {
            Array(bytes[$0..<min($0 + piece, bytes.count)])
        }
    }

    /// A submit of `articles` (id, text) pairs.
    static func submit(_ articles: [(id: String, text: String)], schemaVersion: UInt32 = newsbusSchemaVersion)
        throws -> [[UInt8]]
    {
        try jobs { request in
            request.schemaVersion = schemaVersion
            var submit = Newsbus_V1_SubmitJob()
            submit.articles = articles.map { article in
                var message = Newsbus_V1_Article()
                message.id = article.id
                message.title = "Hostile"
                message.text = article.text
                return message
            }
            request.submit = submit
        }
    }

    /// A one-frame `newsbus.extract` request body.
    static func extract(text: String = "Olaf Scholz visited Paris.", schemaVersion: UInt32 = newsbusSchemaVersion)
        throws -> [[UInt8]]
    {
        var request = Newsbus_V1_ExtractRequest()
        request.schemaVersion = schemaVersion
        request.jobID = "j-hostile"
        request.chunkID = "j-hostile/c1"
        request.articleID = "hostile"
        request.text = text
        request.attempt = 1
        return [try request.serializedBytes()]
    }

    /// `body` with the first run of `marker`'s bytes replaced by `replacement` (same length), to put
    /// bytes into a protobuf string field that the encoder would refuse (invalid UTF-8).
    static func patch(_ body: [[UInt8]], marker: String, with replacement: [UInt8]) -> [[UInt8]] {
        let needle = Array(marker.utf8)
        precondition(needle.count == replacement.count, "the patch keeps the length")
        return body.map { frame in
            guard frame.count >= needle.count,
                let start = (0...(frame.count - needle.count)).first(where: {
                    frame[$0..<($0 + needle.count)].elementsEqual(needle)
                })
            else { return frame }
            var patched = frame
            patched.replaceSubrange(start..<(start + needle.count), with: replacement)
            return patched
        }
    }

    /// The decoded `JobReply` in a broker FINAL, if it is one.
    static func jobReply(_ frames: [[UInt8]]?) -> Newsbus_V1_JobReply? {
        guard let frames, let body = HostileInputPeer.body(ofReply: frames), !body.isEmpty else { return nil }
        return try? Newsbus_V1_JobReply(serializedBytes: body.flatMap { $0 })
    }

    /// The error a `JobReply` carries, as "code: message".
    static func jobError(_ frames: [[UInt8]]?) -> String? {
        guard let reply = jobReply(frames), case .error(let error) = reply.result else { return nil }
        return "\(error.code): \(error.message)"
    }

    /// The body frames of a FINAL as text, frame by frame ("500 | reason").
    static func text(_ frames: [[UInt8]]?) -> String {
        guard let frames, let body = HostileInputPeer.body(ofReply: frames) else { return "(no reply)" }
        return body.map { String(decoding: $0, as: UTF8.self) }.joined(separator: " | ")
    }
}
