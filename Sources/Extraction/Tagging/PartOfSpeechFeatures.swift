/// Feature templates of the part-of-speech tagger: the word, its affixes and shape, and a ±2 window.
enum PartOfSpeechFeatures {
    /// Feature keys for every token of one sentence.
    static func features(_ words: [String]) -> [[UInt32]] {
        let view = TaggingSentence(words)
        return (0..<view.count).map { index in
            let word = view.words[index]
            let lower = view.lowered[index]
            var keys: [UInt32] = [FeatureHasher.key(60, "")]
            keys.append(FeatureHasher.key(61, word))
            keys.append(FeatureHasher.key(62, view.normalized[index]))
            keys.append(FeatureHasher.key(63, view.shapes[index]))
            let scalarCount = word.unicodeScalars.count
            for length in 1...4 where length <= scalarCount {
                keys.append(FeatureHasher.key(64, String(length), WordShape.suffix(lower, length)))
            }
            for length in 1...2 where length <= scalarCount {
                keys.append(FeatureHasher.key(65, String(length), WordShape.prefix(word, length)))
            }
            for offset in [-2, -1, 1, 2] {
                keys.append(FeatureHasher.key(66, String(offset), view.lower(index + offset)))
            }
            for offset in [-1, 1] {
                let neighbour = view.lower(index + offset)
                keys.append(FeatureHasher.key(67, String(offset), WordShape.suffix(neighbour, 3)))
            }
            keys.append(FeatureHasher.key(68, view.lower(index - 1), lower))
            keys.append(FeatureHasher.key(69, lower, view.lower(index + 1)))
            keys.append(FeatureHasher.key(70, index == 0 ? "start" : "inside", view.shortShapes[index]))
            return keys
        }
    }
}
