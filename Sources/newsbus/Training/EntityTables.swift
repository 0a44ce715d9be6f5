import Extraction
import ExtractionModels
import Foundation

/// Builds the compact entity tables from the shared data directory and writes them into
/// `outputDirectory` (normally Sources/ExtractionModels/Resources).
func buildEntityTables(dataDirectory: URL, outputDirectory: URL) throws {
    let sources = try ExtractionModels.entityTableSources(dataDirectory: dataDirectory)
    let output = try EntityTableBuilder.build(sources)
    try FileManager.default.createDirectory(at: outputDirectory, withIntermediateDirectories: true)
    for file in output.files {
        try Data(file.text.utf8).write(to: outputDirectory.appending(path: file.name), options: .atomic)
    }
}
