/// Feature templates of the entity tagger: the token, its shape and affixes, a ±2 window,
/// gazetteer matches, document-level casing evidence and (second pass) what the first pass
/// predicted for this word elsewhere in the same document.
///
/// Feature keys are hashes (see `FeatureHasher`); template ids: 1–18 token and window (17 is
/// retired: sentence position was too CoNLL-specific), 20–22 gazetteer, 23 document casing,
/// 40–44 second pass.
struct EntityFeatures: Sendable {
    let gazetteer: Gazetteer

    /// First-pass feature keys for every token of every sentence of one document.
    func features(document: [[String]]) -> [[[UInt32]]] {
        let views = document.map(TaggingSentence.init)
        let context = DocumentContext(views)
        return views.map { view in
            let gazetteerKeys = gazetteerFeatures(view)
            return (0..<view.count).map { index in
                var keys = local(view, index)
                keys += gazetteerKeys[index]
                documentFeatures(view, index, context: context, into: &keys)
                return keys
            }
        }
    }

    /// Second-pass feature keys: the first-pass keys `base` plus what the first pass predicted
    /// (`firstPass`, BILOU) for each token, its neighbours and the same word elsewhere.
    func secondPassFeatures(base: [[[UInt32]]], document: [[String]], firstPass: [[String]]) -> [[[UInt32]]] {
        let history = PredictionHistory(document: document, tags: firstPass)
        return base.enumerated().map { number, sentence in
            sentence.enumerated().map { index, keys in
                var extended = keys
                history.features(document[number], tags: firstPass[number], index, into: &extended)
                return extended
            }
        }
    }

    private func local(_ view: TaggingSentence, _ index: Int) -> [UInt32] {
        let word = view.words[index]
        let lower = view.lowered[index]
        var keys: [UInt32] = [FeatureHasher.key(1, "")]
        keys.append(FeatureHasher.key(2, word))
        keys.append(FeatureHasher.key(3, lower))
        keys.append(FeatureHasher.key(4, view.normalized[index]))
        keys.append(FeatureHasher.key(5, view.shapes[index]))
        keys.append(FeatureHasher.key(6, view.shortShapes[index]))
        let scalarCount = word.unicodeScalars.count
        for length in 1...4 where length <= scalarCount {
            keys.append(FeatureHasher.key(7, String(length), WordShape.prefix(word, length)))
            keys.append(FeatureHasher.key(8, String(length), WordShape.suffix(lower, length)))
        }
        let start = index == 0 ? "start" : "inside"
        let casing = WordShape.isAllCaps(word) ? "caps" : WordShape.isCapitalized(word) ? "cap" : "other"
        keys.append(FeatureHasher.key(9, start, casing, view.isAllCaps ? "capsline" : "mixed"))
        for offset in [-2, -1, 1, 2] {
            keys.append(FeatureHasher.key(10, String(offset), view.lower(index + offset)))
            keys.append(FeatureHasher.key(11, String(offset), view.shortShape(index + offset)))
        }
        keys.append(FeatureHasher.key(12, view.lower(index - 1), lower))
        keys.append(FeatureHasher.key(13, lower, view.lower(index + 1)))
        keys.append(
            FeatureHasher.key(14, view.shortShape(index - 1), view.shortShapes[index], view.shortShape(index + 1)))
        keys.append(FeatureHasher.key(15, view.lower(index - 1), view.shortShapes[index]))
        keys.append(FeatureHasher.key(16, view.shortShapes[index], view.lower(index + 1)))
        keys.append(FeatureHasher.key(18, String(min(scalarCount, 8)), casing))
        return keys
    }

    /// Gazetteer features: for each phrase match covering a token, its category, the token's
    /// position in the phrase (B/I/L/U) and whether the phrase is capitalised; plus the categories
    /// of phrases ending just before and starting just after the token.
    private func gazetteerFeatures(_ view: TaggingSentence) -> [[UInt32]] {
        var keys = [[UInt32]](repeating: [], count: view.count)
        for match in gazetteer.matches(in: view.lowered) {
            let capitalized = match.range.allSatisfy { WordShape.isCapitalized(view.words[$0]) }
            let casing = capitalized ? "cap" : "lower"
            for category in GazetteerCategory.allCases where match.mask & category.bit != 0 {
                let name = String(category.rawValue)
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
    private func documentFeatures(
        _ view: TaggingSentence, _ index: Int, context: DocumentContext, into keys: inout [UInt32]
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
