/// First-pass predictions gathered over a document, for the second pass's consistency features:
/// how the same capitalised word was tagged elsewhere in the document.
struct PredictionHistory {
    /// Lower-cased word → BILOU tag → count, over capitalised occurrences.
    private var tagCounts: [String: [String: Int]] = [:]

    /// The history of a document's sentences (`words`, their `lowered` forms, first-pass `tags`).
    init(words: [[String]], lowered: [[String]], tags: [[String]]) {
        for sentence in words.indices where sentence < tags.count {
            let sentenceTags = tags[sentence]
            for index in words[sentence].indices where index < sentenceTags.count {
                guard WordShape.isCapitalized(words[sentence][index]) else { continue }
                tagCounts[lowered[sentence][index], default: [:]][sentenceTags[index], default: 0] += 1
            }
        }
    }

    /// Adds the second-pass features of token `index` whose first-pass tags are `tags`.
    func features(
        _ words: [String], lowered: [String], tags: [String], _ index: Int, into keys: inout FeatureBuffer
    ) {
        keys.append(FeatureHasher.key(40, tags[index]))
        keys.append(FeatureHasher.key(41, "-1", index > 0 ? tags[index - 1] : "<s>"))
        keys.append(FeatureHasher.key(41, "+1", index + 1 < tags.count ? tags[index + 1] : "</s>"))
        guard WordShape.isCapitalized(words[index]), var counts = tagCounts[lowered[index]] else { return }
        counts[tags[index], default: 0] -= 1
        var typeCounts: [String: Int] = [:]
        for (tag, count) in counts.sorted(by: { $0.key < $1.key }) where count > 0 {
            keys.append(FeatureHasher.key(42, tag))
            typeCounts[String(TagScheme.parts(tag).label), default: 0] += count
        }
        let ranked = typeCounts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        if let majority = ranked.first {
            keys.append(FeatureHasher.key(43, majority.key))
            keys.append(FeatureHasher.key(44, majority.key, tags[index]))
        }
    }
}
