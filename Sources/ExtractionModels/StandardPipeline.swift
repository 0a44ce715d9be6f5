public import Extraction

extension ExtractionModels {
    /// The stages that find mentions (tagger); empty until the tagging stages are merged in.
    static func mentionStages() throws -> [any PipelineStage] {
        []
    }

    /// The full extraction pipeline with the shipped models: tokenise, split sentences, tag, then
    /// canonicalise entities. The canonicaliser is included once a stage before it assigns mentions.
    public static func standardPipeline() throws -> Pipeline {
        var stages: [any PipelineStage] = [Tokenizer(), SentenceSplitter()]
        stages += try mentionStages()
        if stages.contains(where: { $0.assigns.contains(.mentions) }) {
            stages.append(EntityCanonicalizer(tables: try entityTables()))
        }
        return try Pipeline(stages: stages)
    }
}
