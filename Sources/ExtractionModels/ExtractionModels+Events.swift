public import Extraction
import Foundation

extension ExtractionModels {
    /// Resource names of the event coder's tables (built by `newsbus train`).
    static let eventVerbsResource = "events-verbs.txt"
    static let eventCodesResource = "events-codes.tsv"

    /// The event coder with the shipped CAMEO verb dictionary and code table.
    public static func eventCoder() throws(ExtractionError) -> EventCoder {
        let verbs = try VerbDictionary(parsing: resourceText(eventVerbsResource), name: eventVerbsResource)
        let codes = try EventCodeTable(parsing: resourceText(eventCodesResource), name: eventCodesResource)
        return EventCoder(verbs: verbs, codes: codes)
    }

    /// The UTF-8 text of a shipped resource.
    static func resourceText(_ name: String) throws(ExtractionError) -> String {
        guard let url = url(forResource: name) else {
            throw .malformedModel(name: name, reason: "resource missing from the package")
        }
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .malformedModel(name: name, reason: "cannot read \(url.path): \(error)")
        }
    }
}
