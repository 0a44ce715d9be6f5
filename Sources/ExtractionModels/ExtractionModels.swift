public import Extraction
public import Foundation

/// Locates and loads the model files shipped with the package.
public enum ExtractionModels {
    /// File name of the entity model in `Resources/`.
    public static let entityModelName = "ner.model"
    /// File name of the part-of-speech model in `Resources/`.
    public static let partOfSpeechModelName = "pos.model"

    /// The URL of a shipped resource file, or `nil` when it is missing.
    public static func url(forResource name: String) -> URL? {
        Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources")
    }

    /// The shipped named-entity model.
    public static func loadEntityModel() throws -> EntityModel {
        try EntityModel(serialized: try data(named: entityModelName))
    }

    /// The shipped part-of-speech model.
    public static func loadPartOfSpeechModel() throws -> PartOfSpeechModel {
        try PartOfSpeechModel(serialized: try data(named: partOfSpeechModelName))
    }

    /// The named-entity pipeline stage over the shipped model.
    public static func loadNERTagger() throws -> NERTagger {
        NERTagger(model: try loadEntityModel())
    }

    /// The part-of-speech pipeline stage over the shipped model.
    public static func loadPOSTagger() throws -> POSTagger {
        POSTagger(model: try loadPartOfSpeechModel())
    }

    private static func data(named name: String) throws -> Data {
        guard let url = url(forResource: name) else { throw ModelLoadingError.missing(name: name) }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw ModelLoadingError.unreadable(name: name, reason: "\(error)")
        }
    }
}
