import Testing

@testable import Extraction

/// The tagger's fast paths (SIMD Viterbi, sparse and merged weight tables, ASCII string shortcuts)
/// against straightforward reference versions: results must be identical, not just close.
@Suite("Tagger fast paths")
struct TaggerFastPathTests {
    /// A small deterministic generator (SplitMix64).
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9e37_79b9_7f4a_7c15
            var value = state
            value = (value ^ (value >> 30)) &* 0xbf58_476d_1ce4_e5b9
            value = (value ^ (value >> 27)) &* 0x94d0_49bb_1331_11eb
            return value ^ (value >> 31)
        }
        /// A small integer-valued score, so that ties are frequent.
        mutating func score() -> Float { Float(Int(next() % 7)) - 3 }
        mutating func below(_ limit: Int) -> Int { Int(next() % UInt64(limit)) }
    }

    /// The scalar Viterbi the SIMD version replaced.
    static func referenceViterbi(
        emissions: [Float], transitions: [Float], allowed: [Bool], count: Int, labels: Int
    ) -> [Int] {
        guard count > 0 else { return [] }
        let width = labels + 1
        var scores = [Float](repeating: -.infinity, count: count * labels)
        var back = [Int](repeating: 0, count: count * labels)
        for label in 0..<labels where allowed[labels * width + label] {
            scores[label] = transitions[labels * width + label] + emissions[label]
        }
        for position in 1..<count {
            for label in 0..<labels {
                var best = -Float.infinity
                var bestPrevious = 0
                for previous in 0..<labels where allowed[previous * width + label] {
                    let score = scores[(position - 1) * labels + previous] + transitions[previous * width + label]
                    if score > best {
                        best = score
                        bestPrevious = previous
                    }
                }
                scores[position * labels + label] = best + emissions[position * labels + label]
                back[position * labels + label] = bestPrevious
            }
        }
        var best = -Float.infinity
        var label = 0
        for candidate in 0..<labels where allowed[candidate * width + labels] {
            let score = scores[(count - 1) * labels + candidate] + transitions[candidate * width + labels]
            if score > best {
                best = score
                label = candidate
            }
        }
        var path = [Int](repeating: 0, count: count)
        path[count - 1] = label
        for position in stride(from: count - 1, to: 0, by: -1) {
            label = back[position * labels + label]
            path[position - 1] = label
        }
        return path
    }

    @Test("SIMD Viterbi picks exactly the scalar scan's path, ties and forbidden transitions included",
          arguments: [1, 3, 8, 9, 17, 45])
    func viterbi(labels: Int) {
        var generator = Generator(state: UInt64(labels))
        let width = labels + 1
        for trial in 0..<40 {
            let count = 1 + generator.below(12)
            let emissions = (0..<(count * labels)).map { _ in generator.score() }
            let transitions = (0..<(width * width)).map { _ in generator.score() }
            let allowed = (0..<(width * width)).map { _ in trial % 4 == 0 || generator.below(3) != 0 }
            let fast = Viterbi.decode(
                emissions: emissions, transitions: transitions, allowed: allowed, count: count, labels: labels)
            let reference = Self.referenceViterbi(
                emissions: emissions, transitions: transitions, allowed: allowed, count: count, labels: labels)
            #expect(fast == reference, "trial \(trial)")
        }
    }

    /// Random dense weights (about a third zero) under random keys.
    static func denseModel(
        rows rowCount: Int, labels: Int, generator: inout Generator
    ) -> (table: FeatureTable, weights: [Float], keys: [UInt32]) {
        var table = FeatureTable()
        var keys: [UInt32] = []
        while keys.count < rowCount {
            let key = UInt32(truncatingIfNeeded: generator.next())
            guard table[key] == nil else { continue }
            table.insert(key, row: Int32(keys.count))
            keys.append(key)
        }
        let weights = (0..<(rowCount * labels)).map { _ -> Float in
            generator.below(3) == 0 ? 0 : Float(Int(generator.next() % 2001) - 1000) / 37
        }
        return (table, weights, keys)
    }

    /// Token key lists: known keys (some repeated) and unknown ones.
    static func features(keys: [UInt32], generator: inout Generator) -> [[UInt32]] {
        (0..<20).map { _ in
            (0..<(1 + generator.below(30))).map { _ in
                generator.below(4) == 0 ? UInt32(truncatingIfNeeded: generator.next()) : keys[generator.below(keys.count)]
            }
        }
    }

    static func denseEmissions(_ features: [[UInt32]], table: FeatureTable, weights: [Float], labels: Int) -> [Float] {
        var scores = [Float](repeating: 0, count: features.count * labels)
        for (token, keys) in features.enumerated() {
            for key in keys {
                guard let row = table[key] else { continue }
                for label in 0..<labels { scores[token * labels + label] += weights[Int(row) * labels + label] }
            }
        }
        return scores
    }

    @Test("sparse weight rows give bit-identical emission scores to the dense sum", arguments: [2, 17, 45])
    func sparseEmissions(labels: Int) {
        var generator = Generator(state: 7 + UInt64(labels))
        let (table, weights, keys) = Self.denseModel(rows: 300, labels: labels, generator: &generator)
        let sparse = WeightTable(rows: table, weights: weights, labelCount: labels)
        let features = Self.features(keys: keys, generator: &generator)
        let expected = Self.denseEmissions(features, table: table, weights: weights, labels: labels)
        #expect(sparse.emissions(FeatureBuffer(features)) == expected)
        #expect(sparse.count == 300)
    }

    @Test("the merged two-pass table scores each pass exactly as its own table does")
    func mergedEmissions() throws {
        var generator = Generator(state: 99)
        let first = Self.denseModel(rows: 200, labels: 17, generator: &generator)
        let second = Self.denseModel(rows: 250, labels: 17, generator: &generator)
        let firstTable = WeightTable(rows: first.table, weights: first.weights, labelCount: 17)
        let secondTable = WeightTable(rows: second.table, weights: second.weights, labelCount: 17)
        let merged = try #require(DualWeightTable(first: firstTable, second: secondTable))
        let features = FeatureBuffer(Self.features(keys: first.keys + second.keys, generator: &generator))
        let (firstScores, secondScores) = merged.emissions(features)
        #expect(firstScores == firstTable.emissions(features))
        #expect(secondScores == secondTable.emissions(features))
    }

    static let words = [
        "Kassym-Jomart", "U.S.", "1996-08-22", "McDONALD", "iPhone", "'s", "n't", "--", "Zürich", "ÉCOLE",
        "Ölmez", "naïve", "Straße", "İstanbul", "x", "", "A", "ǅemal", "١٢٣", "e\u{301}tat", "ABC-12",
    ]

    @Test("ASCII shortcuts of word forms agree with the Unicode definitions", arguments: words)
    func wordForms(word: String) {
        #expect(WordShape.lowercased(word) == word.lowercased())
        #expect(WordShape.isCapitalized(word) == (word.unicodeScalars.first?.properties.isUppercase ?? false))
        #expect(WordShape.hasLetter(word) == word.unicodeScalars.contains { $0.properties.isAlphabetic })
        let letters = word.unicodeScalars.filter { $0.properties.isAlphabetic }
        #expect(WordShape.isAllCaps(word) == (!letters.isEmpty && !letters.contains { $0.properties.isLowercase }))
        let normalized = String(
            String.UnicodeScalarView(word.lowercased().unicodeScalars.map { $0.properties.numericType != nil ? "0" : $0 }))
        #expect(WordShape.normalized(word) == normalized)
        for count in 1...5 {
            var direct = FeatureHasher(7)
            direct.add(prefixOf: word, count)
            direct.add(suffixOf: word, count)
            var viaStrings = FeatureHasher(7)
            viaStrings.add(String(word.prefix(count)))
            viaStrings.add(String(word.suffix(count)))
            #expect(direct.key == viaStrings.key)
        }
    }

    @Test("scalar runs become the same strings as through a scalar view")
    func scalarText() {
        let scalars = Array("Tokayev’s “trip” to Zürich, 7 Oct. 🇰🇿".unicodeScalars)
        for start in 0..<scalars.count {
            for end in start...scalars.count {
                let expected = String(String.UnicodeScalarView(scalars[start..<end]))
                #expect(ScalarText.string(scalars[start..<end]) == expected)
            }
        }
    }
}
