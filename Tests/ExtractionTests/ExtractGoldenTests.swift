import ExtractionModels
import Foundation
import Testing

@testable import Extraction

/// The sample article (samples/articles.jsonl, first line) through the shipped standard pipeline,
/// as `newsbus extract` prints it: one exact JSON snapshot, plus targeted checks that name the fact
/// that broke. Rewrite the snapshot with `NEWSBUS_UPDATE_SNAPSHOTS=1 swift test --filter ExtractGolden`.
@Suite("Extract: golden sample article")
struct ExtractGoldenTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let snapshot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appending(path: "Snapshots/kazakhstan-abraham-accords.extract.json")

    /// Extracted once for all tests (loading the shipped models is the slow part).
    static let shared = Result { try extractedUncached() }

    /// The article's metadata and the extracted document.
    static func extracted() throws -> (ArticleMetadata, Document) {
        try shared.get()
    }

    private static func extractedUncached() throws -> (ArticleMetadata, Document) {
        let lines = try String(contentsOf: root.appending(path: "samples/articles.jsonl"), encoding: .utf8)
        guard let first = lines.split(separator: "\n").first,
            let object = try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any],
            let text = object["text"] as? String, let id = object["id"] as? String
        else { throw CocoaError(.fileReadCorruptFile) }
        let metadata = ArticleMetadata(
            id: id, title: object["title"] as? String,
            date: (object["date"] as? String).flatMap { CalendarDate(iso: $0) }, source: object["source"] as? String)
        let document = try ShippedPipeline.get().run(
            id: metadata.id, text: text, articleDate: metadata.date)
        return (metadata, document)
    }

    @Test("the JSON equals the snapshot")
    func snapshotMatches() throws {
        let (metadata, document) = try ExtractGoldenTests.extracted()
        let rendered = DocumentJSON.render(document, article: metadata) + "\n"
        if ProcessInfo.processInfo.environment["NEWSBUS_UPDATE_SNAPSHOTS"] == "1" {
            try rendered.write(to: ExtractGoldenTests.snapshot, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: ExtractGoldenTests.snapshot, encoding: .utf8)
        #expect(rendered == expected, "extract output changed; if intended, rerun with NEWSBUS_UPDATE_SNAPSHOTS=1")
    }

    @Test("every person is one PERSON entity under the full name")
    func persons() throws {
        let (_, document) = try ExtractGoldenTests.extracted()
        let persons = Set(document.entities.filter { $0.type == .person }.map(\.name))
        #expect(
            persons == [
                "Kassym-Jomart Tokayev", "Donald Trump", "Shavkat Mirziyoyev", "Sadyr Nurgojo uulu Japarov",
                "Emomali Rahmon", "Serdar Berdimuhamedow", "Mohammed bin Salman al Saud",
            ])
    }

    @Test(
        "countries carry ISO codes",
        arguments: [
            ("Kazakhstan", "KZ"), ("Israel", "IL"), ("Uzbekistan", "UZ"), ("Kyrgyzstan", "KG"), ("Tajikistan", "TJ"),
            ("Turkmenistan", "TM"), ("Sudan", "SD"), ("United Arab Emirates", "AE"), ("Bahrain", "BH"),
            ("Morocco", "MA"), ("Lebanon", "LB"), ("Iran", "IR"), ("Yemen", "YE"), ("Saudi Arabia", "SA"),
        ])
    func countries(name: String, code: String) throws {
        let (_, document) = try ExtractGoldenTests.extracted()
        let entity = document.entities.first { $0.name == name }
        #expect(entity?.type == .location, "\(name) type")
        #expect(entity?.country == code, "\(name) country")
    }

    @Test(
        "organisations, treaties and adjectives are typed",
        arguments: [
            ("Hamas", EntityType.organization), ("White House", .organization), ("Washington Examiner", .organization),
            ("Abraham Accords", .misc), ("Central Asian", .misc), ("Saudi-Israel", .misc), ("Arab", .misc),
        ])
    func types(name: String, type: EntityType) throws {
        let (_, document) = try ExtractGoldenTests.extracted()
        #expect(document.entities.first { $0.name == name }?.type == type, "\(name)")
        #expect(!document.entities.contains { $0.name == "Four Arab" || $0.name == "Saud" })
    }

    /// The events a reader sees, by code prefix, source, target and date.
    @Test(
        "the reader's events",
        arguments: [
            ("03", "Kassym-Jomart Tokayev", "Abraham Accords", "2025-11-06"),  // will join the Accords
            ("036", "Kassym-Jomart Tokayev", "Donald Trump", "2025-11-06"),  // set to meet with Trump
            ("057", "Morocco", "Abraham Accords", "2025-11-06"),  // joined the Accords
            ("19", "Hamas", "Israel", "2023-10-07"),  // Hamas's Oct. 7, 2023, attack
            ("042", "Donald Trump", "Riyadh", "2025-05"),  // "The president said during a trip to Riyadh in May"
            ("03", "Mohammed bin Salman al Saud", "Washington", "2025-11-18"),  // set to travel to Washington
        ] as [(String, String?, String, String)])
    func readerEvents(code: String, source: String?, target: String, date: String) throws {
        let (_, document) = try ExtractGoldenTests.extracted()
        let name = { (id: String?) in id.flatMap { id in document.entities.first { $0.id == id }?.name } }
        let found = document.events.contains {
            $0.code.hasPrefix(code) && name($0.source) == source && name($0.target) == target && $0.date == date
        }
        #expect(found, "\(code) \(source ?? "-") → \(target) on \(date)")
    }

    @Test("'The president' is a mention of Donald Trump, the most mentioned president before it")
    func titleDescription() throws {
        let (_, document) = try ExtractGoldenTests.extracted()
        let mention = try #require(document.mentions.first { $0.text.lowercased() == "president" })
        #expect(mention.entity.map { document.entities[$0].name } == "Donald Trump")
        #expect(document.mentions.map(\.span.start) == document.mentions.map(\.span.start).sorted())
    }

    @Test("'They are also expected to sign': each of the five leaders intends to sign, with no date of its own")
    func signingLeaders() throws {
        let (_, document) = try ExtractGoldenTests.extracted()
        let name = { (id: String?) in id.flatMap { id in document.entities.first { $0.id == id }?.name } }
        let signing = document.events.filter { $0.trigger == "sign" }
        #expect(signing.allSatisfy { $0.code == "0311" && $0.date == nil })
        #expect(
            Set(signing.compactMap { name($0.source) }) == [
                "Kassym-Jomart Tokayev", "Shavkat Mirziyoyev", "Sadyr Nurgojo uulu Japarov", "Emomali Rahmon",
                "Serdar Berdimuhamedow",
            ])
        let joining = document.events.filter { $0.trigger == "joined" && $0.code == "036" }
        #expect(joining.count == 4 && joining.allSatisfy { name($0.target) == "Kassym-Jomart Tokayev" })
    }

    @Test("no reader-visible false events")
    func falseEvents() throws {
        let (_, document) = try ExtractGoldenTests.extracted()
        let misc = Set(document.entities.filter { $0.type == .misc }.map(\.id))
        #expect(!document.events.contains { $0.source.map(misc.contains) == true }, "a treaty or adjective acts")
        #expect(!document.events.contains { ["171", "062", "040"].contains($0.code) }, "hit/operations/think coded")
        #expect(!document.events.contains { $0.trigger.lowercased() == "going to" }, "'going to' coded as a visit")
        #expect(!document.events.contains { $0.code == "057" && $0.date == nil }, "a hypothetical join as a deed")
        #expect(!document.events.contains { $0.code.hasPrefix("01") && $0.trigger == "said" }, "Riyadh addressed")
        #expect(document.events.contains { $0.code == "0311" }, "signing economic agreements (intent)")
    }
}
