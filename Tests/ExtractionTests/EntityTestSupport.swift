import Foundation
import Testing

@testable import Extraction
@testable import ExtractionModels

/// Shared fixtures for the entity tests: the shipped tables (loaded once) and documents whose
/// mentions are marked by hand, the way a tagger would mark them.
enum EntityTestSupport {
    /// The tables shipped in ExtractionModels.
    static let tables: EntityTables = {
        do {
            return try ExtractionModels.entityTables()
        } catch {
            Issue.record("cannot load the shipped entity tables: \(error)")
            return .empty
        }
    }()

    /// A tokenised, sentence-split document with a mention for every occurrence of each phrase
    /// (exact, whole tokens; longer phrases first; no overlaps).
    static func document(_ text: String, date: String? = "2025-11-06", marking phrases: [(String, EntityType)])
        -> Document
    {
        var document = Document(text: text, articleDate: date.flatMap { CalendarDate(iso: $0) })
        document.tokens = Tokenizer.tokenize(document.scalars)
        document.sentences = SentenceSplitter.split(document.tokens, scalars: document.scalars)
        var taken = [Bool](repeating: false, count: document.tokens.count)
        var mentions: [Mention] = []
        let ordered = phrases.sorted { $0.0.count > $1.0.count }
        for (phrase, type) in ordered {
            let words = Tokenizer.tokenize(Array(phrase.unicodeScalars)).map(\.text)
            guard !words.isEmpty, words.count <= document.tokens.count else { continue }
            for start in 0...(document.tokens.count - words.count) {
                let range = start..<(start + words.count)
                guard !range.contains(where: { taken[$0] }),
                    zip(document.tokens[range], words).allSatisfy({ $0.text == $1 })
                else { continue }
                let span = TextSpan(
                    start: document.tokens[start].span.start, end: document.tokens[range.upperBound - 1].span.end)
                mentions.append(Mention(tokens: range, span: span, text: document.text(in: span), type: type))
                for index in range { taken[index] = true }
            }
        }
        document.mentions = mentions.sorted { $0.span.start < $1.span.start }
        return document
    }

    /// Runs the canonicaliser with the shipped tables.
    static func canonicalize(_ document: Document, fallback: Bool = true) throws -> Document {
        var document = document
        try EntityCanonicalizer(tables: tables, addsGazetteerMentions: fallback).apply(to: &document)
        return document
    }

    /// The entity whose mentions include one with text `text`, if any.
    static func entity(mentioned text: String, in document: Document) -> Entity? {
        document.entities.first { entity in entity.mentions.contains { document.mentions[$0].text == text } }
    }
}
