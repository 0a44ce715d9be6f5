/// Feature templates of the entity tagger: the token, its shape and affixes, a ±2 window,
/// gazetteer matches, document-level casing evidence and (second pass) what the first pass
/// predicted for this word elsewhere in the same document.
///
/// Feature keys are hashes (see `FeatureHasher`); template ids: 1–18 token and window (17 is
/// retired: sentence position was too CoNLL-specific), 20–22 gazetteer, 23 document casing,
/// 40–44 second pass. Keys are hashed straight from the token's forms: no feature strings.
struct EntityFeatures: Sendable {
    let gazetteer: Gazetteer

    /// First-pass feature keys for every token of every sentence of one document (training).
    func features(document: [[String]]) -> [[[UInt32]]] {
        firstPass(document.map(TaggingSentence.init)).map(\.nested)
    }

    /// Second-pass feature keys: the first-pass keys `base` plus what the first pass predicted
    /// (`firstPass`, BILOU) for each token, its neighbours and the same word elsewhere (training).
    func secondPassFeatures(base: [[[UInt32]]], document: [[String]], firstPass: [[String]]) -> [[[UInt32]]] {
        let lowered = document.map { $0.map(WordShape.lowercased) }
        return secondPass(base: base.map(FeatureBuffer.init), words: document, lowered: lowered, firstPass: firstPass)
            .map(\.nested)
    }

    /// First-pass feature keys of every sentence of one document, flat per sentence.
    func firstPass(_ views: [TaggingSentence]) -> [FeatureBuffer] {
        let context = DocumentContext(views)
        return views.map { view in
            let gazetteerKeys = gazetteerFeatures(view)
            var buffer = FeatureBuffer(tokens: view.count, keysPerToken: 40)
            for index in 0..<view.count {
                local(view, index, into: &buffer)
                buffer.append(contentsOf: gazetteerKeys[index])
                documentFeatures(view, index, context: context, into: &buffer)
                buffer.endToken()
            }
            return buffer
        }
    }

    /// Second-pass feature keys of every sentence: each token's `base` keys, then the keys of the
    /// first pass's predictions.
    func secondPass(
        base: [FeatureBuffer], words: [[String]], lowered: [[String]], firstPass: [[String]]
    ) -> [FeatureBuffer] {
        let history = PredictionHistory(words: words, lowered: lowered, tags: firstPass)
        return base.enumerated().map { number, sentence in
            var extended = FeatureBuffer(tokens: sentence.count, keysPerToken: 48)
            for index in 0..<sentence.count {
                extended.append(contentsOf: sentence[index])
                history.features(words[number], lowered: lowered[number], tags: firstPass[number], index, into: &extended)
                extended.endToken()
            }
            return extended
        }
    }

    /// Only the second pass's own keys (what the first pass predicted) of every sentence.
    func historyFeatures(words: [[String]], lowered: [[String]], firstPass: [[String]]) -> [FeatureBuffer] {
        let history = PredictionHistory(words: words, lowered: lowered, tags: firstPass)
        return words.indices.map { number in
            var keys = FeatureBuffer(tokens: words[number].count, keysPerToken: 6)
            for index in words[number].indices {
                history.features(words[number], lowered: lowered[number], tags: firstPass[number], index, into: &keys)
                keys.endToken()
            }
            return keys
        }
    }

    static let biasKey = FeatureHasher.key(1, "")
    /// `String(n)` for n in 0...8, without formatting an integer per token.
    static let numberNames = (0...8).map { String($0) }
    static let windowOffsets: [(offset: Int, name: String)] = [(-2, "-2"), (-1, "-1"), (1, "1"), (2, "2")]

    private func local(_ view: TaggingSentence, _ index: Int, into keys: inout FeatureBuffer) {
        let word = view.words[index]
        let lower = view.lowered[index]
        let shortShape = view.shortShapes[index]
        keys.append(Self.biasKey)
        keys.append(FeatureHasher.key(2, word))
        keys.append(FeatureHasher.key(3, lower))
        keys.append(FeatureHasher.key(4, view.normalized[index]))
        keys.append(FeatureHasher.key(5, view.shapes[index]))
        keys.append(FeatureHasher.key(6, shortShape))
        let scalarCount = view.scalarCounts[index]
        for length in 1...4 where length <= scalarCount {
            var prefix = FeatureHasher(7)
            prefix.add(Self.numberNames[length])
            prefix.add(prefixOf: word, length)
            keys.append(prefix.key)
            var suffix = FeatureHasher(8)
            suffix.add(Self.numberNames[length])
            suffix.add(suffixOf: lower, length)
            keys.append(suffix.key)
        }
        let start = index == 0 ? "start" : "inside"
        let casing = WordShape.isAllCaps(word) ? "caps" : WordShape.isCapitalized(word) ? "cap" : "other"
        keys.append(FeatureHasher.key(9, start, casing, view.isAllCaps ? "capsline" : "mixed"))
        for (offset, name) in Self.windowOffsets {
            keys.append(FeatureHasher.key(10, name, view.lower(index + offset)))
            keys.append(FeatureHasher.key(11, name, view.shortShape(index + offset)))
        }
        keys.append(FeatureHasher.key(12, view.lower(index - 1), lower))
        keys.append(FeatureHasher.key(13, lower, view.lower(index + 1)))
        keys.append(FeatureHasher.key(14, view.shortShape(index - 1), shortShape, view.shortShape(index + 1)))
        keys.append(FeatureHasher.key(15, view.lower(index - 1), shortShape))
        keys.append(FeatureHasher.key(16, shortShape, view.lower(index + 1)))
        keys.append(FeatureHasher.key(18, Self.numberNames[min(scalarCount, 8)], casing))
    }

    /// `String(category.rawValue)` of every category, by raw value.
    private static let categoryNames = GazetteerCategory.allCases.map { String($0.rawValue) }

    /// Gazetteer features: for each phrase match covering a token, its category, the token's
    /// position in the phrase (B/I/L/U) and whether the phrase is capitalised; plus the categories
    /// of phrases ending just before and starting just after the token.
    func gazetteerFeatures(_ view: TaggingSentence) -> [[UInt32]] {
        var keys = [[UInt32]](repeating: [], count: view.count)
        for match in gazetteer.matches(in: view.lowered) {
            let capitalized = match.range.allSatisfy { WordShape.isCapitalized(view.words[$0]) }
            let casing = capitalized ? "cap" : "lower"
            for category in GazetteerCategory.allCases where match.mask & category.bit != 0 {
                let name = Self.categoryNames[category.rawValue]
                for index in match.range {
                    let position: String
                    if match.range.count == 1 {
                        position = "U"
                    } else if index == match.range.lowerBound {
                        position = "B"
                    } else {
                        position = index == match.range.upperBound - 1 ? "L" : "I"
                    }
                    keys[index].append(FeatureHasher.key(20, name, position, casing))
                }
                if match.range.lowerBound > 0 {
                    keys[match.range.lowerBound - 1].append(FeatureHasher.key(21, name, casing))
                }
                if match.range.upperBound < view.count {
                    keys[match.range.upperBound].append(FeatureHasher.key(22, name, casing))
                }
            }
        }
        return keys
    }

    /// Casing evidence from the rest of the document, for words whose own casing says little
    /// (sentence-initial or in an all-caps line) and for capitalised words in general.
    func documentFeatures(
        _ view: TaggingSentence, _ index: Int, context: DocumentContext, into keys: inout FeatureBuffer
    ) {
        let word = view.words[index]
        guard WordShape.isCapitalized(word) else { return }
        let lower = view.lowered[index]
        let ambiguous = index == 0 || view.isAllCaps ? "ambiguous" : "clear"
        let lowercase = context.seenLowercase.contains(lower) ? "lower" : "-"
        let capitalized = context.seenCapitalizedInside.contains(lower) ? "cap" : "-"
        keys.append(FeatureHasher.key(23, ambiguous, lowercase, capitalized))
    }
}
