import Foundation
import Testing

@testable import Extraction
@testable import ExtractionModels

/// Builds tagged documents for event coder tests, standing in for the tagger, canonicalizer and
/// temporal normaliser: tokens with POS tags, entities with CAMEO actor codes, date expressions.
enum EventTestDocuments {
    /// An entity to place on every occurrence of `phrase` (space-separated tokens).
    struct EntitySpec {
        var phrase: String
        var type: EntityType
        var code: String?
        var name: String?

        init(_ phrase: String, _ type: EntityType, _ code: String? = nil, name: String? = nil) {
            self.phrase = phrase
            self.type = type
            self.code = code
            self.name = name
        }
    }

    /// A document from `word/TAG` tokens separated by spaces; a `./.` token ends a sentence.
    static func document(
        _ tagged: String, entities: [EntitySpec] = [], dates: [(phrase: String, value: String)] = [],
        articleDate: String? = "2025-11-06"
    ) -> Document {
        let pairs: [(String, String)] = tagged.split(separator: " ").map { item -> (String, String) in
            let text = String(item)
            guard let slash = text.lastIndex(of: "/"), slash != text.startIndex else { return (text, "NN") }
            return (String(text.prefix(upTo: slash)), String(text.suffix(from: text.index(after: slash))))
        }
        var document = Document(
            text: pairs.map(\.0).joined(separator: " "), articleDate: articleDate.flatMap { CalendarDate(iso: $0) })
        var offset = 0
        for (word, tag) in pairs {
            let length = word.unicodeScalars.count
            document.tokens.append(Token(text: word, span: TextSpan(start: offset, end: offset + length), partOfSpeech: tag))
            offset += length + 1
        }
        var start = 0
        for (index, token) in document.tokens.enumerated() where token.partOfSpeech == "." || index == document.tokens.count - 1 {
            guard index >= start else { continue }
            let span = TextSpan(start: document.tokens[start].span.start, end: token.span.end)
            document.sentences.append(Sentence(tokens: start..<(index + 1), span: span))
            start = index + 1
        }
        let words = pairs.map(\.0)
        var mentions: [(Range<Int>, Int)] = []
        for (index, spec) in entities.enumerated() {
            for range in occurrences(of: spec.phrase, in: words) { mentions.append((range, index)) }
            document.entities.append(
                Entity(id: "e\(index + 1)", name: spec.name ?? spec.phrase, type: spec.type, actorCode: spec.code))
        }
        for (range, entity) in mentions.sorted(by: { $0.0.lowerBound < $1.0.lowerBound }) {
            document.entities[entity].mentions.append(document.mentions.count)
            let span = TextSpan(start: document.tokens[range.lowerBound].span.start, end: document.tokens[range.upperBound - 1].span.end)
            document.mentions.append(
                Mention(tokens: range, span: span, text: document.text(in: span), type: document.entities[entity].type, entity: entity))
        }
        for date in dates {
            guard let range = occurrences(of: date.phrase, in: words).first else { continue }
            let span = TextSpan(start: document.tokens[range.lowerBound].span.start, end: document.tokens[range.upperBound - 1].span.end)
            let sentence = document.sentenceIndex(ofToken: range.lowerBound) ?? 0
            document.dates.append(DateExpression(text: date.phrase, span: span, value: date.value, sentence: sentence))
        }
        return document
    }

    static func occurrences(of phrase: String, in words: [String]) -> [Range<Int>] {
        let target = phrase.split(separator: " ").map(String.init)
        guard !target.isEmpty, words.count >= target.count else { return [] }
        return (0...(words.count - target.count)).filter { Array(words[$0..<($0 + target.count)]) == target }
            .map { $0..<($0 + target.count) }
    }

    /// The shipped tables, loaded once for all tests (an immutable value).
    private static let shipped = Result { () throws(ExtractionError) -> EventCoder in try ExtractionModels.eventCoder() }

    /// The coder with the shipped tables.
    static func shippedCoder() throws -> EventCoder {
        try shipped.get()
    }

    /// A fixture file of this test target.
    static func fixture(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/events"))
        return try String(contentsOf: url, encoding: .utf8)
    }
}
