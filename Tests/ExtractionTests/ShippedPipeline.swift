import Extraction
import ExtractionModels

/// The standard pipeline with the shipped models, loaded once for every test of this target:
/// it is an immutable value, and each load takes seconds of CPU in a debug build, holding one of
/// the few threads the whole test run shares (tests that wait on real sockets starve meanwhile).
enum ShippedPipeline {
    private static let loaded = Result { try ExtractionModels.standardPipeline() }

    /// The pipeline, or the error its loading threw.
    static func get() throws -> Pipeline {
        try loaded.get()
    }
}
