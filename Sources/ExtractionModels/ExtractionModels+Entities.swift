public import Extraction
package import Foundation

extension ExtractionModels {
    /// Loads the entity tables shipped in the bundle (`entities-*.tsv`).
    public static func entityTables() throws -> EntityTables {
        var texts: [String] = []
        for name in EntityTables.fileNames {
            guard let url = url(forResource: name) else {
                throw ExtractionError.malformedModel(name: name, reason: "missing from the package resources")
            }
            texts.append(try String(contentsOf: url, encoding: .utf8))
        }
        return try EntityTables(places: texts[0], actors: texts[1], lexicon: texts[2])
    }

    /// Reads the shared data files the entity tables are built from.
    package static func entityTableSources(dataDirectory: URL) throws -> EntityTableSources {
        var contents: [String] = []
        for path in EntityTableSources.paths {
            let url = dataDirectory.appending(path: path)
            do {
                contents.append(try String(contentsOf: url, encoding: .utf8))
            } catch {
                throw EntityDataError.unreadable(path: url.path, reason: "\(error)")
            }
        }
        guard let sources = EntityTableSources(contents: contents) else {
            throw EntityDataError.unreadable(path: dataDirectory.path, reason: "wrong number of data files")
        }
        return sources
    }
}
