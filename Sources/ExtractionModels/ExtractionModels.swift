public import Foundation

/// Locates the model files shipped with the package.
public enum ExtractionModels {
    /// The URL of a shipped resource file, or `nil` when it is missing.
    public static func url(forResource name: String) -> URL? {
        Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources")
    }
}
