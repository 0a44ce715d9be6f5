import ArgumentParser
import Extraction
import Foundation

/// `newsbus train`: builds the entity and part-of-speech models from the shared data.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the entity and part-of-speech taggers from CoNLL-2003 and the gazetteers.",
        discussion: """
            Reads DATA/conll2003/train.txt and the gazetteer tables, writes ner.model and pos.model to \
            OUT, and scores DATA/conll2003/dev.txt when it exists. Same data and seed give byte-identical models.
            """
    )

    @Option(help: "The shared data directory (conll2003/, gazetteer/, names/, actors/).")
    var data = "../shared/data"

    @Option(help: "Where to write ner.model and pos.model.")
    var out = "Sources/ExtractionModels/Resources"

    @Option(help: "Passes over the training data.")
    var epochs = 8

    @Option(help: "Seed of the training shuffle.")
    var seed: UInt64 = 1

    @Option(help: "Cross-validation folds for the second entity pass (below 2: one pass only).")
    var folds = 5

    @Option(help: "Drop features seen fewer times than this.")
    var minimumCount = 2

    func validate() throws {
        guard epochs >= 1 else { throw ValidationError("Please give --epochs of at least 1.") }
        guard minimumCount >= 1 else { throw ValidationError("Please give --minimum-count of at least 1.") }
    }

    func run() throws {
        let dataURL = URL(fileURLWithPath: data)
        let train = CoNLLCorpus.parse(try TrainingFiles.read(dataURL, "conll2003/train.txt"))
        let gazetteer = try TrainingFiles.gazetteerTables(dataURL).gazetteer()
        print("training on \(train.count) documents, gazetteer of \(gazetteer.count) phrases")
        let options = TaggerTrainer.Options(epochs: epochs, seed: seed, minimumCount: minimumCount, folds: folds)
        let started = Date()
        let entityModel = TaggerTrainer.trainEntityModel(documents: train, gazetteer: gazetteer, options: options) {
            print($0)
        }
        let entityTime = Date().timeIntervalSince(started)
        let partOfSpeechModel = TaggerTrainer.trainPartOfSpeechModel(documents: train, options: options) { print($0) }
        let totalTime = Date().timeIntervalSince(started)
        let outURL = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: outURL, withIntermediateDirectories: true)
        let entityBytes = entityModel.serialized()
        let partOfSpeechBytes = partOfSpeechModel.serialized()
        try Data(entityBytes).write(to: outURL.appendingPathComponent("ner.model"))
        try Data(partOfSpeechBytes).write(to: outURL.appendingPathComponent("pos.model"))
        print("trained in \(Int(entityTime)) s (ner) + \(Int(totalTime - entityTime)) s (pos)")
        print("ner.model: \(entityBytes.count) bytes, \(entityModel.featureCount) features")
        print("pos.model: \(partOfSpeechBytes.count) bytes")
        let devURL = dataURL.appendingPathComponent("conll2003/dev.txt")
        if FileManager.default.fileExists(atPath: devURL.path) {
            let dev = CoNLLCorpus.parse(try TrainingFiles.read(dataURL, "conll2003/dev.txt"))
            // Evaluate the models as shipped: decoded from their bytes, quantized weights and all.
            let shippedEntity = try EntityModel(serialized: entityBytes)
            let shippedPartOfSpeech = try PartOfSpeechModel(serialized: partOfSpeechBytes)
            print(DevEvaluation.run(dev, entityModel: shippedEntity, partOfSpeechModel: shippedPartOfSpeech))
        }
    }
}
