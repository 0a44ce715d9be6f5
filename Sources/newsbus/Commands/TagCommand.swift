import ArgumentParser
import Extraction
import ExtractionModels
import Foundation

/// `newsbus tag --conll`: tags token-per-line text with IOB2 entity tags.
struct TagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag",
        abstract: "Tag token-per-line (CoNLL) text from stdin with named-entity tags.",
        discussion: """
            Reads one token per line (first column = token, further columns ignored, blank line = \
            sentence end, -DOCSTART- lines passed through) and writes each line back with one more \
            column: the predicted IOB2 tag. Only the token column is used.
            """
    )

    @Flag(help: "Read and write CoNLL token-per-line text (the only format so far).")
    var conll = false

    @Option(help: "An entity model file to use instead of the shipped one.")
    var model: String?

    @Option(help: "Time the part-of-speech and entity taggers on the articles of this .jsonl or .txt file and print tokens/s.")
    var benchmark: String?

    func validate() throws {
        guard conll || benchmark != nil else {
            throw ValidationError("Please pass --conll (token-per-line text) or --benchmark FILE.")
        }
        if conll, benchmark != nil {
            throw ValidationError("Please pass either --conll or --benchmark FILE, not both.")
        }
    }

    func run() throws {
        if let benchmark {
            try Self.benchmark(path: benchmark)
            return
        }
        let entityModel: EntityModel
        if let model {
            entityModel = try EntityModel(serialized: try Data(contentsOf: URL(fileURLWithPath: model)))
        } else {
            entityModel = try ExtractionModels.loadEntityModel()
        }
        let input = FileHandle.standardInput.readDataToEndOfFile()
        let text = String(decoding: input, as: UTF8.self)
        let output = CoNLLTagging.tag(text, model: entityModel)
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}
