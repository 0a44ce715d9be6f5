import Foundation
import Testing

@testable import Extraction
@testable import ExtractionModels

/// Builds the entity tables from the shared data (the same code `buildEntityTables` runs) and checks
/// that the shipped resources are exactly what the data gives. With NEWSBUS_BUILD_ENTITY_TABLES=1
/// (scripts/build-entity-tables) it writes the tables into Sources/ExtractionModels/Resources instead.
@Suite("Entity table build")
struct EntityTableBuildTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let dataDirectory =
        ProcessInfo.processInfo.environment["NEWSBUS_DATA"].map { URL(fileURLWithPath: $0) }
        ?? packageRoot.deletingLastPathComponent().appending(path: "shared/data")
    static let hasData = FileManager.default.fileExists(
        atPath: dataDirectory.appending(path: "gazetteer/countries.tsv").path)
    static let writes = ProcessInfo.processInfo.environment["NEWSBUS_BUILD_ENTITY_TABLES"] == "1"

    @Test("writes the tables into the package resources", .enabled(if: writes))
    func write() throws {
        let output = try EntityTableBuilder.build(
            try ExtractionModels.entityTableSources(dataDirectory: Self.dataDirectory))
        let resources = Self.packageRoot.appending(path: "Sources/ExtractionModels/Resources")
        for file in output.files {
            try Data(file.text.utf8).write(to: resources.appending(path: file.name), options: .atomic)
        }
    }

    @Test("shipped tables are what the shared data builds", .enabled(if: hasData && !writes))
    func reproducible() throws {
        let output = try EntityTableBuilder.build(
            try ExtractionModels.entityTableSources(dataDirectory: Self.dataDirectory))
        for file in output.files {
            let url = try #require(ExtractionModels.url(forResource: file.name), "missing \(file.name)")
            #expect(
                try String(contentsOf: url, encoding: .utf8) == file.text,
                "\(file.name) is stale; run scripts/build-entity-tables")
        }
    }
}
