import Extraction
import ExtractionWorker
import NewsWire
import Testing

/// A stand-in for the real NER stages: every capitalised token becomes a PERSON mention and entity,
/// and the first date-like token a date; one event links the first two entities.
private struct CapitalsStage: PipelineStage {
    let name = "capitals"
    let requires: Set<Annotation> = [.tokens, .sentences]
    let assigns: Set<Annotation> = [.mentions, .entities, .dates, .events]

    func apply(to document: inout Document) throws(ExtractionError) {
        for (index, token) in document.tokens.enumerated() where token.text.first?.isUppercase == true {
            document.mentions.append(
                Mention(tokens: index..<(index + 1), span: token.span, text: token.text, type: .person))
            let entity = Entity(
                id: "e\(document.entities.count + 1)", name: token.text, type: .person, country: "KZ",
                mentions: [document.mentions.count - 1])
            document.mentions[document.mentions.count - 1].entity = document.entities.count
            document.entities.append(entity)
        }
        if let token = document.tokens.first(where: { $0.text == "Thursday" }) {
            let value = document.articleDate?.description
            document.dates.append(DateExpression(text: token.text, span: token.span, value: value, sentence: 0))
        }
        if document.entities.count >= 2, let sentence = document.sentences.first {
            document.events.append(
                Event(
                    code: "057", label: "Sign formal agreement", trigger: "joins", source: "e1", target: "e2",
                    date: document.articleDate?.description, sentence: 0, span: sentence.span, quadClass: 2,
                    goldstein: 8))
        }
    }
}

@Suite("ChunkExtraction")
struct ChunkExtractionTests {
    private func pipeline() throws -> Pipeline {
        try Pipeline(stages: [Tokenizer(), SentenceSplitter(), CapitalsStage()])
    }

    private func request(_ text: String, offset: UInt32 = 100, date: String = "2025-11-06") -> Newsbus_V1_ExtractRequest
    {
        var request = Newsbus_V1_ExtractRequest()
        request.schemaVersion = newsbusSchemaVersion
        request.jobID = "j-1"
        request.chunkID = "j-1/0-3"
        request.articleID = "kz"
        request.articleDate = date
        request.text = text
        request.offset = offset
        request.attempt = 1
        return request
    }

    @Test("entities, dates and events are converted with offsets shifted into the article")
    func converts() throws {
        let reply = ChunkExtraction.reply(to: request("Kazakhstan joins Israel on Thursday."), pipeline: try pipeline())
        #expect(reply.error.isEmpty)
        #expect(reply.chunkID == "j-1/0-3")
        #expect(reply.schemaVersion == newsbusSchemaVersion)
        #expect(reply.tokens == 6)
        #expect(reply.entities.map(\.name) == ["Kazakhstan", "Israel", "Thursday"])
        #expect(reply.entities.map(\.type) == ["PERSON", "PERSON", "PERSON"])
        #expect(reply.entities[1].mentions.map { [$0.start, $0.end] } == [[117, 123]])
        #expect(reply.entities[0].country == "KZ")
        #expect(reply.dates.map { [$0.text, $0.value] } == [["Thursday", "2025-11-06"]])
        #expect(reply.dates.map(\.start) == [127])
        let event = try #require(reply.events.first)
        #expect([event.code, event.source, event.target, event.date] == ["057", "e1", "e2", "2025-11-06"])
        #expect(event.sentence == "Kazakhstan joins Israel on Thursday.")
        #expect([event.start, event.end] == [100, 136])
    }

    @Test(
        "bad requests get an error reply naming the problem, never a crash",
        arguments: [
            ("   ", "2025-11-06", UInt32(1), "no text"),
            ("Text.", "06/11/2025", UInt32(1), "article_date"),
            ("Text.", "", UInt32(7), "schema version 7"),
        ])
    func errors(text: String, date: String, version: UInt32, expected: String) throws {
        var bad = request(text, date: date)
        bad.schemaVersion = version
        let reply = ChunkExtraction.reply(to: bad, pipeline: try pipeline())
        #expect(reply.error.contains(expected), "\(reply.error)")
        #expect(reply.chunkID == "j-1/0-3")
        #expect(reply.entities.isEmpty)
    }

    @Test("an unknown article date is fine: relative dates stay unresolved")
    func noDate() throws {
        let reply = ChunkExtraction.reply(
            to: request("Talks on Thursday.", offset: 0, date: ""), pipeline: try pipeline())
        #expect(reply.error.isEmpty)
        #expect(reply.dates.map(\.value) == [""])
    }

    @Test("a batch of requests gets, in order, exactly the replies each request gets alone, bad ones included")
    func batchEqualsOneByOne() throws {
        let pipeline = try pipeline()
        var badVersion = request("Text.")
        badVersion.schemaVersion = 7
        let requests = [
            request("Kazakhstan joins Israel on Thursday."), badVersion, request("   "),
            request("Talks on Thursday.", offset: 0, date: ""), request("Israel joins Kazakhstan on Friday.", offset: 9),
        ]
        let batched = ChunkExtraction.replies(to: requests, pipeline: pipeline)
        #expect(batched.count == requests.count)
        for (request, reply) in zip(requests, batched) {
            let alone = ChunkExtraction.reply(to: request, pipeline: pipeline)
            #expect(reply == alone, "\(request.text)")
        }
        #expect(batched.map { $0.error.isEmpty } == [true, false, false, true, true])
    }
}
