import Testing

@testable import Extraction

@Suite("Tagger training")
struct TaggerTrainingTests {
    private let options = TaggerTrainer.Options(epochs: 4, seed: 7, minimumCount: 1, folds: 2)

    private func score(_ model: EntityModel, _ documents: [AnnotatedDocument]) -> EntityScorer {
        var scorer = EntityScorer()
        for document in documents {
            let tags = model.tag(document: document.sentences.map(\.tokens))
            for (sentence, predicted) in zip(document.sentences, tags) {
                scorer.add(gold: sentence.entityTags, predicted: predicted)
            }
        }
        return scorer
    }

    @Test("a model trained on a small corpus tags its training sentences and new combinations")
    func learnsEntities() throws {
        let training = TaggerFixture.documents(count: 20)
        let model = TaggerTrainer.trainEntityModel(
            documents: training, gazetteer: TaggerFixture.gazetteer(), options: options)
        let sentence = training[0].sentences[0]
        #expect(model.tag(document: [sentence.tokens]) == [sentence.entityTags])
        let unseen = [["Nadia", "Tanaka", "visited", "Dakar", "on", "Monday", "."]]
        #expect(model.tag(document: unseen) == [["B-PER", "I-PER", "O", "B-LOC", "O", "O", "O"]])
        // An all-"O" baseline scores 0; the model must do far better on held-out documents.
        let heldOut = Array(TaggerFixture.documents(count: 25).suffix(5))
        #expect(score(model, heldOut).overall.f1 > 0.9)
    }

    @Test("the same data and seed give byte-identical models, and the bytes decode to the same tagger")
    func reproducible() throws {
        let training = TaggerFixture.documents(count: 8)
        let first = TaggerTrainer.trainEntityModel(
            documents: training, gazetteer: TaggerFixture.gazetteer(), options: options)
        let second = TaggerTrainer.trainEntityModel(
            documents: training, gazetteer: TaggerFixture.gazetteer(), options: options)
        #expect(first.serialized() == second.serialized())
        let decoded = try EntityModel(serialized: first.serialized())
        let tokens = training.map { $0.sentences.map(\.tokens) }
        for document in tokens { #expect(decoded.tag(document: document) == first.tag(document: document)) }
        #expect(decoded.serialized() == first.serialized())
    }

    @Test("the part-of-speech model learns the fixture's tags and round-trips its bytes")
    func partOfSpeech() throws {
        let training = TaggerFixture.documents(count: 10)
        let model = TaggerTrainer.trainPartOfSpeechModel(documents: training, options: options)
        let sentence = training[1].sentences[2]
        #expect(model.tag(sentence: sentence.tokens) == sentence.partsOfSpeech)
        let decoded = try PartOfSpeechModel(serialized: model.serialized())
        #expect(decoded.tag(sentence: sentence.tokens) == sentence.partsOfSpeech)
    }

    @Test("corrupt model bytes are rejected with a clear error", arguments: [
        [UInt8](), Array("NBNER".utf8), Array("XXXXX\u{1}".utf8),
    ])
    func corrupt(bytes: [UInt8]) {
        #expect(throws: ExtractionError.self) { try EntityModel(serialized: bytes) }
    }

    @Test("a corrupt count cannot make the decoder allocate beyond the input")
    func hugeCount() {
        // Magic, version, gazetteer max length 1, then a phrase count of about 268 million.
        let bytes = Array("NBNER".utf8) + [1, 1, 0xff, 0xff, 0xff, 0x7f]
        #expect(throws: ExtractionError.self) { try EntityModel(serialized: bytes) }
    }

    @Test("truncated model bytes are rejected")
    func truncated() {
        let model = TaggerTrainer.trainEntityModel(
            documents: TaggerFixture.documents(count: 2), gazetteer: TaggerFixture.gazetteer(),
            options: TaggerTrainer.Options(epochs: 1, seed: 1, minimumCount: 1, folds: 0))
        let bytes = model.serialized()
        #expect(throws: ExtractionError.self) { try EntityModel(serialized: bytes.dropLast(3)) }
        #expect(throws: ExtractionError.self) { try PartOfSpeechModel(serialized: bytes) }
    }
}
