public import Extraction

extension ExtractionModels {
    /// The full extraction pipeline with the shipped models, in the order DESIGN.md gives:
    /// tokenise → sentences → part of speech → named entities → canonical entities → dates → events.
    public static func standardPipeline() throws -> Pipeline {
        let stages: [any PipelineStage] = [
            Tokenizer(),
            SentenceSplitter(),
            try loadPOSTagger(),
            try loadNERTagger(),
            EntityCanonicalizer(tables: try entityTables()),
            TemporalNormalizer(),
            try eventCoder(),
        ]
        return try Pipeline(stages: stages)
    }
}
