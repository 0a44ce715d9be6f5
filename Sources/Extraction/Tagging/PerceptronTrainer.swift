/// One training sentence for a sequence model: feature keys per token and the gold label indices.
struct TrainingInstance: Sendable {
    /// Feature keys of each token.
    var features: [[UInt32]]
    /// Gold label index of each token.
    var gold: [Int]
}

/// Trains a `SequenceModel` with the averaged structured perceptron (Collins 2002): decode each
/// sentence with Viterbi under the current weights, move weights toward the gold sequence where the
/// prediction is wrong, and return the average of the weights over all steps.
///
/// Deterministic: the sentence order of each epoch comes from a seeded generator, weights are
/// integers during training, and no dictionary is iterated in hash order.
struct PerceptronTrainer {
    /// Training settings.
    struct Options: Sendable {
        var epochs: Int
        var seed: UInt64
        /// Features seen in fewer sentences-tokens than this are dropped before training.
        var minimumCount: Int
    }

    let labels: [String]
    let allowed: [Bool]
    private var rows = FeatureTable()
    private var keys: [UInt32] = []
    private var weights: [Int32] = []
    private var accumulated: [Int64] = []
    private var transitions: [Int32]
    private var transitionsAccumulated: [Int64]
    private var step: Int64 = 1

    init(labels: [String], allowed: [Bool]) {
        self.labels = labels
        self.allowed = allowed
        let width = labels.count + 1
        transitions = Array(repeating: 0, count: width * width)
        transitionsAccumulated = Array(repeating: 0, count: width * width)
    }

    /// Trains on `instances`, calling `progress(epoch, errors)` after each epoch.
    static func train(
        _ instances: [TrainingInstance], labels: [String], allowed: [Bool], options: Options,
        progress: (Int, Int) -> Void = { _, _ in }
    ) -> SequenceModel {
        var trainer = PerceptronTrainer(labels: labels, allowed: allowed)
        let indexed = trainer.index(instances, minimumCount: options.minimumCount)
        var generator = SplitMix64(seed: options.seed)
        var order = Array(indexed.indices)
        for epoch in 1...max(1, options.epochs) {
            order.shuffle(using: &generator)
            var errors = 0
            for index in order { errors += trainer.learn(indexed[index].rows, gold: indexed[index].gold) }
            progress(epoch, errors)
        }
        return trainer.averagedModel()
    }

    /// Assigns rows to features seen at least `minimumCount` times (in first-seen order) and
    /// rewrites every instance as row lists.
    private mutating func index(
        _ instances: [TrainingInstance], minimumCount: Int
    ) -> [(rows: [[Int32]], gold: [Int])] {
        var counts: [UInt32: Int] = [:]
        for instance in instances {
            for token in instance.features {
                for key in token { counts[key, default: 0] += 1 }
            }
        }
        for instance in instances {
            for token in instance.features {
                for key in token where rows[key] == nil && counts[key, default: 0] >= minimumCount {
                    rows.insert(key, row: Int32(keys.count))
                    keys.append(key)
                }
            }
        }
        weights = Array(repeating: 0, count: keys.count * labels.count)
        accumulated = Array(repeating: 0, count: keys.count * labels.count)
        return instances.map { instance in
            (instance.features.map { token in token.compactMap { rows[$0] } }, instance.gold)
        }
    }

    /// One perceptron step on one sentence; returns the number of wrong tokens.
    private mutating func learn(_ tokens: [[Int32]], gold: [Int]) -> Int {
        let labelCount = labels.count
        var emissions = [Float](repeating: 0, count: tokens.count * labelCount)
        for (position, features) in tokens.enumerated() {
            let base = position * labelCount
            for row in features {
                let offset = Int(row) * labelCount
                for label in 0..<labelCount { emissions[base + label] += Float(weights[offset + label]) }
            }
        }
        let width = labelCount + 1
        let predicted = Viterbi.decode(
            emissions: emissions, transitions: transitions.map(Float.init), allowed: allowed, count: tokens.count,
            labels: labelCount)
        var errors = 0
        if predicted != gold {
            for position in tokens.indices {
                let previousGold = position == 0 ? labelCount : gold[position - 1]
                let previousPredicted = position == 0 ? labelCount : predicted[position - 1]
                updateTransition(previousGold * width + gold[position], by: 1)
                updateTransition(previousPredicted * width + predicted[position], by: -1)
                guard gold[position] != predicted[position] else { continue }
                errors += 1
                for row in tokens[position] {
                    update(Int(row) * labelCount + gold[position], by: 1)
                    update(Int(row) * labelCount + predicted[position], by: -1)
                }
            }
            if let lastGold = gold.last, let lastPredicted = predicted.last {
                updateTransition(lastGold * width + labelCount, by: 1)
                updateTransition(lastPredicted * width + labelCount, by: -1)
            }
        }
        step += 1
        return errors
    }

    private mutating func update(_ index: Int, by delta: Int32) {
        weights[index] += delta
        accumulated[index] += step * Int64(delta)
    }

    private mutating func updateTransition(_ index: Int, by delta: Int32) {
        transitions[index] += delta
        transitionsAccumulated[index] += step * Int64(delta)
    }

    /// The averaged weights as a model (features whose average is all zero are dropped).
    private func averagedModel() -> SequenceModel {
        let labelCount = labels.count
        let steps = Double(step)
        func average(_ weight: Int32, _ sum: Int64) -> Float {
            Float(Double(weight) - Double(sum) / steps)
        }
        var modelRows = FeatureTable(capacity: keys.count)
        var modelWeights: [Float] = []
        for (row, key) in keys.enumerated() {
            let offset = row * labelCount
            let values = (0..<labelCount).map { average(weights[offset + $0], accumulated[offset + $0]) }
            guard values.contains(where: { $0 != 0 }) else { continue }
            modelRows.insert(key, row: Int32(modelRows.count))
            modelWeights.append(contentsOf: values)
        }
        let modelTransitions = zip(transitions, transitionsAccumulated).map { average($0, $1) }
        return SequenceModel(
            labels: labels, rows: modelRows, weights: modelWeights, transitions: modelTransitions, allowed: allowed)
    }
}

/// A small, fast, seedable generator (Steele, Lea & Flood's SplitMix64), so training is reproducible.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var value = state
        value = (value ^ (value >> 30)) &* 0xbf58_476d_1ce4_e5b9
        value = (value ^ (value >> 27)) &* 0x94d0_49bb_1331_11eb
        return value ^ (value >> 31)
    }
}
