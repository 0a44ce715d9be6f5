public import Extraction
public import NewsWire

/// The worker's pure core: turns one `ExtractRequest` into its `ExtractReply`.
///
/// Never throws or traps on bad input: a request it cannot process gets a reply with `error` set
/// (and the same `chunk_id`, so the aggregator can match it). Offsets in the reply are article
/// offsets: the chunk's `offset` is added to every span.
public enum ChunkExtraction {
    /// Runs `pipeline` over the request's chunk and converts the document to a reply.
    public static func reply(to request: Newsbus_V1_ExtractRequest, pipeline: Pipeline) -> Newsbus_V1_ExtractReply {
        replies(to: [request], pipeline: pipeline)[0]
    }

    /// The replies to several requests, in order, each exactly what ``reply(to:pipeline:)`` gives:
    /// the chunks go through `pipeline` as one batch (``Pipeline/run(batch:)``), which shares the
    /// taggers' per-word work.
    public static func replies(
        to requests: [Newsbus_V1_ExtractRequest], pipeline: Pipeline
    ) -> [Newsbus_V1_ExtractReply] {
        replies(to: requests, pipeline: pipeline, sharing: nil)
    }

    /// ``replies(to:pipeline:)``, with the batch shared with idle threads through `sharing`.
    static func replies(
        to requests: [Newsbus_V1_ExtractRequest], pipeline: Pipeline, sharing: BatchSharing?
    ) -> [Newsbus_V1_ExtractReply] {
        var replies = requests.map { request in
            var reply = Newsbus_V1_ExtractReply()
            reply.schemaVersion = newsbusSchemaVersion
            reply.chunkID = request.chunkID
            if let problem = problem(in: request) { reply.error = problem }
            return reply
        }
        let runnable = requests.indices.filter { replies[$0].error.isEmpty }
        let articles = runnable.map { index in
            let request = requests[index]
            let date = request.articleDate.isEmpty ? nil : CalendarDate(iso: request.articleDate)
            return Pipeline.Article(id: request.chunkID, text: request.text, date: date)
        }
        let documents = sharing?.run(articles, pipeline: pipeline) ?? pipeline.run(batch: articles)
        for (index, result) in zip(runnable, documents) {
            switch result {
            case .success(let document): fill(&replies[index], from: document, offset: Int(requests[index].offset))
            case .failure(let error): replies[index].error = error.description
            }
        }
        return replies
    }

    /// Puts `document`'s entities, dates and events into `reply`, spans moved by `offset`.
    private static func fill(_ reply: inout Newsbus_V1_ExtractReply, from document: Document, offset: Int) {
        let lastEnd = offset + document.scalars.count
        guard lastEnd <= Int(UInt32.max) else {
            reply.error = "chunk '\(reply.chunkID)' ends at offset \(lastEnd), beyond the wire's 32-bit offsets"
            return
        }
        reply.tokens = UInt32(clamping: document.tokens.count)
        reply.entities = document.entities.map { entities($0, in: document, offset: offset) }
        reply.dates = document.dates.map { date($0, offset: offset) }
        reply.events = document.events.map { event($0, in: document, offset: offset) }
    }

    /// Why the request cannot be processed, or `nil`.
    static func problem(in request: Newsbus_V1_ExtractRequest) -> String? {
        if request.schemaVersion != newsbusSchemaVersion {
            return
                "schema version \(request.schemaVersion) is not \(newsbusSchemaVersion); run matching newsbus versions"
        }
        if request.chunkID.isEmpty {
            return "request has no chunk_id; the aggregator must name each chunk"
        }
        if !request.articleDate.isEmpty, CalendarDate(iso: request.articleDate) == nil {
            return "article_date '\(request.articleDate)' is not a real day written YYYY-MM-DD"
        }
        return nil
    }

    private static func entities(_ entity: Entity, in document: Document, offset: Int) -> Newsbus_V1_Entity {
        var message = Newsbus_V1_Entity()
        message.id = entity.id
        message.name = entity.name
        message.type = entity.type.rawValue
        message.country = entity.country ?? ""
        message.actorCode = entity.actorCode ?? ""
        message.mentions = entity.mentions.compactMap { index in
            guard document.mentions.indices.contains(index) else { return nil }
            let mention = document.mentions[index]
            var span = Newsbus_V1_MentionSpan()
            span.text = mention.text
            span.start = UInt32(clamping: mention.span.start + offset)
            span.end = UInt32(clamping: mention.span.end + offset)
            return span
        }
        return message
    }

    private static func date(_ date: DateExpression, offset: Int) -> Newsbus_V1_DateMention {
        var message = Newsbus_V1_DateMention()
        message.text = date.text
        message.value = date.value ?? ""
        message.start = UInt32(clamping: date.span.start + offset)
        message.end = UInt32(clamping: date.span.end + offset)
        return message
    }

    private static func event(_ event: Event, in document: Document, offset: Int) -> Newsbus_V1_Event {
        var message = Newsbus_V1_Event()
        message.code = event.code
        message.label = event.label
        message.trigger = event.trigger
        message.source = event.source ?? ""
        message.target = event.target ?? ""
        message.date = event.date ?? ""
        message.location = event.location ?? ""
        let span = TextSpan(
            start: min(event.span.start, document.scalars.count), end: min(event.span.end, document.scalars.count))
        message.sentence = document.text(in: span)
        message.start = UInt32(clamping: event.span.start + offset)
        message.end = UInt32(clamping: event.span.end + offset)
        message.quadClass = UInt32(clamping: event.quadClass)
        message.goldstein = event.goldstein
        return message
    }
}
