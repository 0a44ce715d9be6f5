/// Renders an extracted document as the `newsbus extract` JSON object (DESIGN.md, "Contracts"):
/// `article`, `entities`, `dates`, `events`, with keys in the contract's order.
public enum DocumentJSON {
    /// One compact JSON object (no trailing newline) for `document` and its article metadata.
    public static func render(_ document: Document, article: ArticleMetadata) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.beginObject("article")
        json.string("id", article.id)
        json.string("title", article.title)
        json.string("date", article.date?.description)
        json.string("source", article.source)
        json.endObject()
        json.beginArray("entities")
        for entity in document.entities { write(entity, of: document, to: &json) }
        json.endArray()
        json.beginArray("dates")
        for date in document.dates { write(date, to: &json) }
        json.endArray()
        json.beginArray("events")
        for event in document.events { write(event, of: document, to: &json) }
        json.endArray()
        json.endObject()
        return json.text
    }

    private static func write(_ entity: Entity, of document: Document, to json: inout JSONWriter) {
        json.beginObject()
        json.string("id", entity.id)
        json.string("name", entity.name)
        json.string("type", entity.type.rawValue)
        json.string("country", entity.country)
        json.beginArray("mentions")
        for index in entity.mentions where document.mentions.indices.contains(index) {
            let mention = document.mentions[index]
            json.beginObject()
            json.string("text", mention.text)
            json.integer("start", mention.span.start)
            json.integer("end", mention.span.end)
            json.endObject()
        }
        json.endArray()
        json.endObject()
    }

    private static func write(_ date: DateExpression, to json: inout JSONWriter) {
        json.beginObject()
        json.string("text", date.text)
        json.string("value", date.value)
        json.integer("start", date.span.start)
        json.integer("end", date.span.end)
        json.endObject()
    }

    private static func write(_ event: Event, of document: Document, to json: inout JSONWriter) {
        json.beginObject()
        json.string("code", event.code)
        json.string("label", event.label)
        json.string("trigger", event.trigger)
        json.string("source", event.source)
        json.string("target", event.target)
        json.string("date", event.date)
        json.string("location", event.location)
        let valid = event.span.start >= 0 && event.span.end <= document.scalars.count
        json.string("sentence", valid ? document.text(in: event.span) : "")
        json.integer("start", event.span.start)
        json.integer("end", event.span.end)
        json.endObject()
    }
}
