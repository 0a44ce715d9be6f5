/// The entity tagger's per-token feature keys computed from a document's form ids (`TokenForms`)
/// instead of per-sentence string views: the same keys as `EntityFeatures` (gazetteer, document
/// casing, contexts) and `PredictionHistory` (second pass), for integer sums, where the order of
/// a token's keys does not matter. Keys with few possible values are hashed once, here.
struct FormFeatureKeys: Sendable {
    /// `key(40, tag)` per first-pass label.
    private let tagKeys: [UInt32]
    /// `key(41, "-1", tag)` per label, then for the sentence start.
    private let previousKeys: [UInt32]
    /// `key(41, "+1", tag)` per label, then for the sentence end.
    private let nextKeys: [UInt32]
    /// `key(42, tag)` per label.
    private let otherTagKeys: [UInt32]
    /// Per label, the index of its entity type (`TagScheme.parts(tag).label`; "" for `O`).
    private let typeOfLabel: [Int]
    /// Type indices in the order of their names (ties of the majority go to the first name).
    private let typesByName: [Int]
    /// `key(43, type)` per type.
    private let majorityKeys: [UInt32]
    /// `key(44, type, tag)` per type and label (`type * labels + label`).
    private let majorityTagKeys: [UInt32]
    /// Number of first-pass labels.
    let labelCount: Int

    /// The keys for a first pass with labels `labels` (BILOU tag names).
    init(labels: [String]) {
        labelCount = labels.count
        tagKeys = labels.map { FeatureHasher.key(40, $0) }
        previousKeys = (labels + ["<s>"]).map { FeatureHasher.key(41, "-1", $0) }
        nextKeys = (labels + ["</s>"]).map { FeatureHasher.key(41, "+1", $0) }
        otherTagKeys = labels.map { FeatureHasher.key(42, $0) }
        var typeNames: [String] = []
        var typeOfLabel: [Int] = []
        for label in labels {
            let type = String(TagScheme.parts(label).label)
            if let index = typeNames.firstIndex(of: type) {
                typeOfLabel.append(index)
            } else {
                typeOfLabel.append(typeNames.count)
                typeNames.append(type)
            }
        }
        self.typeOfLabel = typeOfLabel
        typesByName = typeNames.indices.sorted { typeNames[$0] < typeNames[$1] }
        majorityKeys = typeNames.map { FeatureHasher.key(43, $0) }
        majorityTagKeys = typeNames.flatMap { type in labels.map { FeatureHasher.key(44, type, $0) } }
    }

    /// `EntityFeatures.gazetteerFeatures` keys: category × position (U, B, L, I) × casing (cap, lower).
    private static let gazetteerKeys: [UInt32] = GazetteerCategory.allCases.flatMap { category in
        ["U", "B", "L", "I"].flatMap { position in
            ["cap", "lower"].map { FeatureHasher.key(20, String(category.rawValue), position, $0) }
        }
    }
    /// Keys of phrases ending just before (21) and starting just after (22) a token: category × casing.
    private static let beforeKeys: [UInt32] = GazetteerCategory.allCases.flatMap { category in
        ["cap", "lower"].map { FeatureHasher.key(21, String(category.rawValue), $0) }
    }
    private static let afterKeys: [UInt32] = GazetteerCategory.allCases.flatMap { category in
        ["cap", "lower"].map { FeatureHasher.key(22, String(category.rawValue), $0) }
    }
    /// `EntityFeatures.documentFeatures` keys: ambiguous? × seen lower case? × seen capitalised inside?
    private static let documentKeys: [UInt32] = ["ambiguous", "clear"].flatMap { ambiguous in
        ["lower", "-"].flatMap { lowercase in
            ["cap", "-"].map { FeatureHasher.key(23, ambiguous, lowercase, $0) }
        }
    }

    /// Adds the gazetteer keys of sentence `ids` (tokens from `firstToken`), each token's keys at
    /// `tokenBase + token * 2 * labels` (first pass) and `labels` further (second pass).
    static func appendGazetteerKeys(
        _ gazetteer: Gazetteer, forms: TokenForms, ids: [Int32], to batch: inout KeyBatch, tokenRow: (Int) -> (Int, Int)
    ) {
        for match in gazetteer.matches(ids: ids, lowered: forms.lowered) {
            let capitalized = match.range.allSatisfy { forms.isCapitalized[Int(ids[$0])] }
            let casing = capitalized ? 0 : 1
            for category in GazetteerCategory.allCases where match.mask & category.bit != 0 {
                let base = category.rawValue * 8
                for index in match.range {
                    let position: Int
                    if match.range.count == 1 {
                        position = 0
                    } else if index == match.range.lowerBound {
                        position = 1
                    } else {
                        position = index == match.range.upperBound - 1 ? 2 : 3
                    }
                    let (first, second) = tokenRow(index)
                    batch.append(gazetteerKeys[base + position * 2 + casing], first: first, second: second)
                }
                if match.range.lowerBound > 0 {
                    let (first, second) = tokenRow(match.range.lowerBound - 1)
                    batch.append(beforeKeys[category.rawValue * 2 + casing], first: first, second: second)
                }
                if match.range.upperBound < ids.count {
                    let (first, second) = tokenRow(match.range.upperBound)
                    batch.append(afterKeys[category.rawValue * 2 + casing], first: first, second: second)
                }
            }
        }
    }

    /// The `EntityFeatures.documentFeatures` key of a capitalised token, from whether its
    /// lower-cased form is seen in lower case and capitalised inside a sentence elsewhere.
    static func documentKey(ambiguous: Bool, seenLowercase: Bool, seenCapitalizedInside: Bool) -> UInt32 {
        documentKeys[(ambiguous ? 0 : 4) + (seenLowercase ? 0 : 2) + (seenCapitalizedInside ? 0 : 1)]
    }

    /// Per lower-cased form id: whether it is seen in lower case, and capitalised inside a mixed-case
    /// sentence (not sentence-initial), as `DocumentContext` finds them.
    static func documentContext(
        _ forms: TokenForms, allCaps: [Bool], sentences: Range<Int>
    ) -> (lowercase: [Bool], capitalizedInside: [Bool]) {
        var lowercase = [Bool](repeating: false, count: forms.loweredCount)
        var inside = [Bool](repeating: false, count: forms.loweredCount)
        // Per form: 0 unclassified, 1 not alphabetic, 2 lower-case initial, 3 upper-case initial, 4 other.
        var kinds = [UInt8](repeating: 0, count: forms.count)
        for sentence in sentences {
            for (index, id) in forms.sentences[sentence].enumerated() {
                let form = Int(id)
                var kind = kinds[form]
                if kind == 0 {
                    kind = 1
                    if let byte = forms.words[form].utf8.first, byte < 0x80 {
                        // ASCII: the letters are exactly the alphabetic scalars, a-z lower and A-Z upper case.
                        if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") {
                            kind = 2
                        } else if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") {
                            kind = 3
                        }
                    } else if let first = forms.words[form].unicodeScalars.first, first.properties.isAlphabetic {
                        kind = first.properties.isLowercase ? 2 : first.properties.isUppercase ? 3 : 4
                    }
                    kinds[form] = kind
                    if kind == 2 { lowercase[Int(forms.loweredIDs[form])] = true }
                }
                if kind == 3, index > 0, !allCaps[sentence] { inside[Int(forms.loweredIDs[form])] = true }
            }
        }
        return (lowercase, inside)
    }

    /// Adds the second-pass keys (`PredictionHistory.features`) of every token of one document
    /// (`sentences` of `forms`): `tags` are the first-pass label indices per sentence of `forms`;
    /// the document's token `t` has its keys go at `tokenRow(t)`.
    func appendHistoryKeys(
        forms: TokenForms, tags allTags: [[Int]], sentences: Range<Int>, to batch: inout KeyBatch, scratch: Int,
        tokenRow: (Int) -> Int
    ) {
        let documentForms = forms.sentences[sentences]
        let tags = allTags[sentences]
        let labels = labelCount
        // Per lower-cased form: row of tag counts over its capitalised occurrences.
        var rowOf = [Int](repeating: -1, count: forms.loweredCount)
        var counts: [Int] = []
        for (ids, sentenceTags) in zip(documentForms, tags) {
            for (id, tag) in zip(ids, sentenceTags) where forms.isCapitalized[Int(id)] {
                let lowered = Int(forms.loweredIDs[Int(id)])
                if rowOf[lowered] < 0 {
                    rowOf[lowered] = counts.count / labels
                    counts += repeatElement(0, count: labels)
                }
                counts[rowOf[lowered] * labels + tag] += 1
            }
        }
        var typeCounts = [Int](repeating: 0, count: majorityKeys.count)
        var token = 0
        for (ids, sentenceTags) in zip(documentForms, tags) {
            for index in ids.indices {
                let row = tokenRow(token)
                token += 1
                let tag = sentenceTags[index]
                batch.append(tagKeys[tag], first: scratch, second: row)
                batch.append(previousKeys[index > 0 ? sentenceTags[index - 1] : labels], first: scratch, second: row)
                let next = index + 1 < sentenceTags.count ? sentenceTags[index + 1] : labels
                batch.append(nextKeys[next], first: scratch, second: row)
                let form = Int(ids[index])
                guard forms.isCapitalized[form] else { continue }
                let base = rowOf[Int(forms.loweredIDs[form])] * labels
                for type in typeCounts.indices { typeCounts[type] = 0 }
                var any = false
                for label in 0..<labels {
                    let count = counts[base + label] - (label == tag ? 1 : 0)
                    guard count > 0 else { continue }
                    batch.append(otherTagKeys[label], first: scratch, second: row)
                    typeCounts[typeOfLabel[label]] += count
                    any = true
                }
                guard any else { continue }
                var majority = typesByName[0]
                for type in typesByName where typeCounts[type] > typeCounts[majority] { majority = type }
                batch.append(majorityKeys[majority], first: scratch, second: row)
                batch.append(majorityTagKeys[majority * labels + tag], first: scratch, second: row)
            }
        }
    }
}
