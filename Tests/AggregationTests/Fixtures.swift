import Aggregation
import Foundation
import NewsWire

/// An instant the tests move by hand.
struct TestInstant: InstantProtocol {
    var offset: Duration

    static let zero = TestInstant(offset: .zero)

    func advanced(by duration: Duration) -> TestInstant { TestInstant(offset: offset + duration) }
    func duration(to other: TestInstant) -> Duration { other.offset - offset }
    static func < (lhs: TestInstant, rhs: TestInstant) -> Bool { lhs.offset < rhs.offset }
}

/// A fresh temp directory removed when released.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "aggregation-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Builders for extraction replies.
enum Replies {
    static func entity(
        _ id: String, _ name: String, _ type: String, country: String = "", mentions: [(String, Int)] = []
    ) -> Newsbus_V1_Entity {
        var entity = Newsbus_V1_Entity()
        entity.id = id
        entity.name = name
        entity.type = type
        entity.country = country
        entity.mentions = mentions.map { text, start in
            var span = Newsbus_V1_MentionSpan()
            span.text = text
            span.start = UInt32(start)
            span.end = UInt32(start + text.unicodeScalars.count)
            return span
        }
        return entity
    }

    static func event(
        _ code: String, source: String = "", target: String = "", date: String = "", start: Int = 0, end: Int = 10,
        sentence: String = "Something happened."
    ) -> Newsbus_V1_Event {
        var event = Newsbus_V1_Event()
        event.code = code
        event.label = "Label \(code)"
        event.trigger = "trigger"
        event.source = source
        event.target = target
        event.date = date
        event.start = UInt32(start)
        event.end = UInt32(end)
        event.sentence = sentence
        event.quadClass = 1
        return event
    }

    static func date(_ text: String, _ value: String, start: Int) -> Newsbus_V1_DateMention {
        var date = Newsbus_V1_DateMention()
        date.text = text
        date.value = value
        date.start = UInt32(start)
        date.end = UInt32(start + text.count)
        return date
    }

    static func reply(
        _ chunkID: String, entities: [Newsbus_V1_Entity] = [], events: [Newsbus_V1_Event] = [],
        dates: [Newsbus_V1_DateMention] = [], error: String = ""
    ) -> Newsbus_V1_ExtractReply {
        var reply = Newsbus_V1_ExtractReply()
        reply.schemaVersion = newsbusSchemaVersion
        reply.chunkID = chunkID
        reply.entities = entities
        reply.events = events
        reply.dates = dates
        reply.error = error
        return reply
    }
}
