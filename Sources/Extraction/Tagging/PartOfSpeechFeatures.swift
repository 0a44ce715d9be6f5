/// Feature templates of the part-of-speech tagger: the word, its affixes and shape, and a ±2 window.
enum PartOfSpeechFeatures {
    /// Feature keys for every token of one sentence (training).
    static func features(_ words: [String]) -> [[UInt32]] {
        features(TaggingSentence(words)).nested
    }

    static let biasKey = FeatureHasher.key(60, "")
    /// `String(n)` for n in 0...4.
    static let numberNames = (0...4).map { String($0) }
    static let windowOffsets: [(offset: Int, name: String)] = [(-2, "-2"), (-1, "-1"), (1, "1"), (2, "2")]

    /// Feature keys for every token of one sentence, flat.
    static func features(_ view: TaggingSentence) -> FeatureBuffer {
        var keys = FeatureBuffer(tokens: view.count, keysPerToken: 24)
        for index in 0..<view.count {
            let word = view.words[index]
            let lower = view.lowered[index]
            keys.append(biasKey)
            keys.append(FeatureHasher.key(61, word))
            keys.append(FeatureHasher.key(62, view.normalized[index]))
            keys.append(FeatureHasher.key(63, view.shapes[index]))
            let scalarCount = view.scalarCounts[index]
            for length in 1...4 where length <= scalarCount {
                var hasher = FeatureHasher(64)
                hasher.add(numberNames[length])
                hasher.add(suffixOf: lower, length)
                keys.append(hasher.key)
            }
            for length in 1...2 where length <= scalarCount {
                var hasher = FeatureHasher(65)
                hasher.add(numberNames[length])
                hasher.add(prefixOf: word, length)
                keys.append(hasher.key)
            }
            for (offset, name) in windowOffsets {
                keys.append(FeatureHasher.key(66, name, view.lower(index + offset)))
            }
            for (offset, name) in windowOffsets where offset == -1 || offset == 1 {
                var hasher = FeatureHasher(67)
                hasher.add(name)
                hasher.add(suffixOf: view.lower(index + offset), 3)
                keys.append(hasher.key)
            }
            keys.append(FeatureHasher.key(68, view.lower(index - 1), lower))
            keys.append(FeatureHasher.key(69, lower, view.lower(index + 1)))
            keys.append(FeatureHasher.key(70, index == 0 ? "start" : "inside", view.shortShapes[index]))
            keys.endToken()
        }
        return keys
    }
}
