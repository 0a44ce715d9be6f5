public import Extraction
import Dispatch
import Synchronization

extension ExtractionModels {
    /// The full extraction pipeline with the shipped models, in the order DESIGN.md gives:
    /// tokenise → sentences → part of speech → named entities → canonical entities → dates → events.
    ///
    /// The four resources (part-of-speech model, entity model, entity tables, event dictionaries)
    /// are independent, so they load on as many cores as there are: start-up is serial time every
    /// command pays before the first article. They are handed out longest first (entity tables
    /// ~40 ms, event dictionaries ~38, entity model ~27, part-of-speech model ~15 on this project's
    /// 2-core machine), so on two cores each short one follows a long one and both cores finish
    /// close together (it was ~20 ms later with the short ones first).
    public static func standardPipeline() throws -> Pipeline {
        let loaded = Mutex(Loaded())
        DispatchQueue.concurrentPerform(iterations: 4) { part in
            switch part {
            case 0:
                let result = Result { try entityTables() }
                loaded.withLock { $0.tables = result }
            case 1:
                let result = Result { () throws(ExtractionError) in try eventCoder() }
                loaded.withLock { $0.events = result.mapError { $0 as any Error } }
            case 2:
                let result = Result { try loadNERTagger() }
                loaded.withLock { $0.ner = result }
            default:
                let result = Result { try loadPOSTagger() }
                loaded.withLock { $0.pos = result }
            }
        }
        let parts = loaded.withLock { $0 }
        guard let pos = parts.pos, let ner = parts.ner, let tables = parts.tables, let events = parts.events else {
            preconditionFailure("concurrentPerform returned before every part loaded")
        }
        let stages: [any PipelineStage] = [
            Tokenizer(),
            SentenceSplitter(),
            try pos.get(),
            try ner.get(),
            EntityCanonicalizer(tables: try tables.get()),
            TemporalNormalizer(),
            try events.get(),
        ]
        return try Pipeline(stages: stages)
    }

    /// What each loader returned, filled in as they finish.
    private struct Loaded {
        var pos: Result<POSTagger, any Error>?
        var ner: Result<NERTagger, any Error>?
        var tables: Result<EntityTables, any Error>?
        var events: Result<EventCoder, any Error>?
    }
}
