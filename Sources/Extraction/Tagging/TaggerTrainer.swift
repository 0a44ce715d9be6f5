/// Trains the entity and part-of-speech models from annotated documents held in memory.
/// Pure and deterministic: the same documents, gazetteer and options give the same model bytes.
public enum TaggerTrainer {
    /// Training settings.
    public struct Options: Sendable {
        /// Passes over the training data.
        public var epochs: Int
        /// Seed of the sentence-order shuffle.
        public var seed: UInt64
        /// Features seen fewer times than this are dropped.
        public var minimumCount: Int
        /// Folds for the cross-validated first-pass predictions the second pass learns from;
        /// below 2 there is no second pass.
        public var folds: Int

        /// Creates options; the defaults are the shipped model's.
        public init(epochs: Int = 8, seed: UInt64 = 1, minimumCount: Int = 2, folds: Int = 5) {
            self.epochs = epochs
            self.seed = seed
            self.minimumCount = minimumCount
            self.folds = folds
        }
    }

    /// Trains the two-pass entity model. `progress` receives one line per finished step.
    public static func trainEntityModel(
        documents: [AnnotatedDocument], gazetteer: Gazetteer, options: Options,
        progress: (String) -> Void = { _ in }
    ) -> EntityModel {
        let extractor = EntityFeatures(gazetteer: gazetteer)
        let tokens = documents.map { $0.sentences.map(\.tokens) }
        let gold = documents.map { $0.sentences.map { TagScheme.toBILOU($0.entityTags) } }
        let firstFeatures = tokens.map { extractor.features(document: $0) }
        func instances(_ features: [[[[UInt32]]]], _ selected: [Int]) -> [TrainingInstance] {
            selected.flatMap { document in
                zip(features[document], gold[document]).map { sentenceFeatures, tags in
                    TrainingInstance(features: sentenceFeatures, gold: tags.map(labelIndex))
                }
            }
        }
        func train(_ instances: [TrainingInstance], _ name: String) -> SequenceModel {
            let sequenceOptions = PerceptronTrainer.Options(
                epochs: options.epochs, seed: options.seed, minimumCount: options.minimumCount)
            return PerceptronTrainer.train(
                instances, labels: EntityModel.labels, allowed: EntityModel.allowed, options: sequenceOptions
            ) { epoch, errors in progress("\(name): epoch \(epoch), \(errors) token errors") }
        }
        let all = Array(documents.indices)
        let firstPass = train(instances(firstFeatures, all), "ner pass 1")
        guard options.folds >= 2 else {
            return EntityModel(gazetteer: gazetteer, firstPass: firstPass, secondPass: nil)
        }
        var predicted = [[[String]]](repeating: [], count: documents.count)
        for fold in 0..<options.folds {
            let held = all.filter { $0 % options.folds == fold }
            let rest = all.filter { $0 % options.folds != fold }
            let model = train(instances(firstFeatures, rest), "ner fold \(fold + 1)")
            for document in held { predicted[document] = firstFeatures[document].map(model.tag) }
        }
        let secondFeatures = all.map {
            extractor.secondPassFeatures(base: firstFeatures[$0], document: tokens[$0], firstPass: predicted[$0])
        }
        let secondPass = train(instances(secondFeatures, all), "ner pass 2")
        return EntityModel(gazetteer: gazetteer, firstPass: firstPass, secondPass: secondPass)
    }

    /// Trains the part-of-speech model on every sentence of `documents`.
    public static func trainPartOfSpeechModel(
        documents: [AnnotatedDocument], options: Options, progress: (String) -> Void = { _ in }
    ) -> PartOfSpeechModel {
        let sentences = documents.flatMap(\.sentences)
        var labels = Array(Set(sentences.flatMap(\.partsOfSpeech))).sorted()
        if labels.isEmpty { labels = ["NN"] }
        let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        let instances = sentences.map { sentence in
            TrainingInstance(
                features: PartOfSpeechFeatures.features(sentence.tokens),
                gold: sentence.partsOfSpeech.map { index[$0, default: 0] })
        }
        let sequenceOptions = PerceptronTrainer.Options(
            epochs: options.epochs, seed: options.seed, minimumCount: options.minimumCount)
        let model = PerceptronTrainer.train(
            instances, labels: labels, allowed: Viterbi.mask(labels: labels, rule: PartOfSpeechModel.anyTransition),
            options: sequenceOptions
        ) { epoch, errors in progress("pos: epoch \(epoch), \(errors) token errors") }
        return PartOfSpeechModel(model: model)
    }

    private static let labelIndices = Dictionary(
        uniqueKeysWithValues: EntityModel.labels.enumerated().map { ($1, $0) })

    private static func labelIndex(_ tag: String) -> Int { labelIndices[tag, default: 0] }
}
