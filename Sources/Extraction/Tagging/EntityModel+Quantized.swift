/// The entity tagger over `QuantizedWeights`: exact integer sums, with every weight that depends on
/// one token form alone (its own word features, and its window features as a neighbour at each
/// offset) summed once per distinct form of the document instead of once per token.
extension EntityModel {
    /// Rows cached per form: both passes' own-word sums, then both passes' sums as the neighbour
    /// at offsets −2, −1, +1, +2.
    private static let rowsPerForm = 10

    /// BILOU tags of both passes, as `tagBILOU(sentences:)` computes them but summed as integers.
    func tagBILOU(quantized: QuantizedWeights, document: [[String]], secondPass: SequenceModel) -> [[String]] {
        tagBILOU(quantized: quantized, forms: TokenForms(document), secondPass: secondPass)
    }

    /// BILOU tags of both passes for documents whose token forms are already collected: `documents`
    /// gives each document's range of `forms.sentences` (`nil`: one document). Forms may be shared
    /// by several documents; their cached rows are, and the document-level features are not.
    func tagBILOU(
        quantized: QuantizedWeights, forms: TokenForms, secondPass: SequenceModel, documents: [Range<Int>]? = nil
    ) -> [[String]] {
        let documents = documents ?? [forms.sentences.indices]
        let allCaps = forms.sentences.indices.map { forms.isAllCaps(sentence: $0) }
        let labels = quantized.labelCount
        // One integer buffer: per form (and two pseudo-forms for the sentence boundaries) its cached
        // rows, then per token its first- and second-pass rows, then a scratch row.
        let layout = CachedRows(forms: forms, rowsPerForm: Self.rowsPerForm, labels: labels)
        let (start, end, tokenBase, tokenCount) = (layout.start, layout.end, layout.tokenBase, layout.tokenCount)
        func row(_ form: Int, _ slot: Int) -> Int { layout.row(form, slot) }
        let scratch = tokenBase + tokenCount * 2 * labels
        var sums = [Int32](repeating: 0, count: scratch + labels)
        var batch = KeyBatch(capacity: forms.count * 24 + tokenCount * 12)
        for form in 0..<forms.count {
            Self.appendWordKeys(forms, form, to: &batch, first: row(form, 0), second: row(form, 1))
            for (number, (_, name)) in EntityFeatures.windowOffsets.enumerated() {
                let first = row(form, 2 + 2 * number)
                batch.append(FeatureHasher.key(10, name, forms.lowered[form]), first: first, second: first + labels)
                batch.append(FeatureHasher.key(11, name, forms.shortShapes[form]), first: first, second: first + labels)
            }
        }
        for (number, (offset, name)) in EntityFeatures.windowOffsets.enumerated() {
            let first = row(offset < 0 ? start : end, 2 + 2 * number)
            let marker = offset < 0 ? "<s>" : "</s>"
            batch.append(FeatureHasher.key(10, name, marker), first: first, second: first + labels)
            batch.append(FeatureHasher.key(11, name, marker), first: first, second: first + labels)
        }
        var token = 0
        for document in documents {
            let context = FormFeatureKeys.documentContext(forms, allCaps: allCaps, sentences: document)
            for number in document {
                let ids = forms.sentences[number]
                let sentenceBase = tokenBase + token * 2 * labels
                FormFeatureKeys.appendGazetteerKeys(gazetteer, forms: forms, ids: ids, to: &batch) { index in
                    (sentenceBase + index * 2 * labels, sentenceBase + index * 2 * labels + labels)
                }
                for index in ids.indices {
                    let first = tokenBase + token * 2 * labels
                    Self.appendContextKeys(
                        forms, ids, index, allCaps: allCaps[number], to: &batch, first: first, second: first + labels)
                    let form = Int(ids[index])
                    if forms.isCapitalized[form] {
                        let lowered = Int(forms.loweredIDs[form])
                        let key = FormFeatureKeys.documentKey(
                            ambiguous: index == 0 || allCaps[number], seenLowercase: context.lowercase[lowered],
                            seenCapitalizedInside: context.capitalizedInside[lowered])
                        batch.append(key, first: first, second: first + labels)
                    }
                    token += 1
                }
            }
        }
        quantized.add(batch, to: &sums)
        // Each token's rows gain its own form's cached rows and its neighbours' window rows.
        layout.add(
            to: &sums, forms: forms, windowOffsets: EntityFeatures.windowOffsets.map(\.offset), width: 2 * labels,
            tokenStride: 2 * labels)
        var offset = tokenBase
        let firstTags = forms.sentences.map { ids in
            let emissions = Self.emissions(
                sums, from: offset, tokens: ids.count, labels: labels, scale: quantized.scales[0])
            offset += ids.count * 2 * labels
            return firstPass.decode(emissions: emissions, count: ids.count)
        }
        batch.removeAll()
        var firstToken = 0
        for document in documents {
            formKeys.appendHistoryKeys(
                forms: forms, tags: firstTags, sentences: document, to: &batch, scratch: scratch
            ) { token in
                tokenBase + (firstToken + token) * 2 * labels + labels
            }
            firstToken += document.reduce(0) { $0 + forms.sentences[$1].count }
        }
        quantized.add(batch, to: &sums)
        offset = tokenBase + labels
        return forms.sentences.map { ids in
            let emissions = Self.emissions(
                sums, from: offset, tokens: ids.count, labels: labels, scale: quantized.scales[1])
            offset += ids.count * 2 * labels
            return secondPass.tag(emissions: emissions, count: ids.count)
        }
    }

    /// Adds `count` integers at `source` to those at `target`.
    @inline(__always)
    /// Float emissions of `tokens` rows of `labels` sums starting at `offset`, rows `2 * labels` apart.
    private static func emissions(_ sums: [Int32], from offset: Int, tokens: Int, labels: Int, scale: Float) -> [Float] {
        guard tokens > 0 else { return [] }
        return [Float](unsafeUninitializedCapacity: tokens * labels) { result, initialized in
            sums.withUnsafeBufferPointer { sums in
                let source = sums.baseAddress.unsafelyUnwrapped + offset
                let target = result.baseAddress.unsafelyUnwrapped
                for token in 0..<tokens {
                    QuantizedWeights.scores(
                        source + token * 2 * labels, count: labels, scale: scale, into: target + token * labels)
                }
            }
            initialized = tokens * labels
        }
    }

    /// Adds the keys of `EntityFeatures` that depend on form `form` alone (`local`'s own-word keys).
    private static func appendWordKeys(
        _ forms: TokenForms, _ form: Int, to batch: inout KeyBatch, first: Int, second: Int
    ) {
        let word = forms.words[form]
        let lower = forms.lowered[form]
        let scalarCount = forms.scalarCounts[form]
        batch.append(EntityFeatures.biasKey, first: first, second: second)
        batch.append(FeatureHasher.key(2, word), first: first, second: second)
        batch.append(FeatureHasher.key(3, lower), first: first, second: second)
        batch.append(FeatureHasher.key(4, forms.normalized[form]), first: first, second: second)
        batch.append(FeatureHasher.key(5, forms.shapes[form]), first: first, second: second)
        batch.append(FeatureHasher.key(6, forms.shortShapes[form]), first: first, second: second)
        for length in 1...4 where length <= scalarCount {
            var prefix = FeatureHasher(7)
            prefix.add(EntityFeatures.numberNames[length])
            prefix.add(prefixOf: word, length, isASCII: forms.isASCII[form])
            batch.append(prefix.key, first: first, second: second)
            var suffix = FeatureHasher(8)
            suffix.add(EntityFeatures.numberNames[length])
            suffix.add(suffixOf: lower, length, isASCII: forms.isASCII[form])
            batch.append(suffix.key, first: first, second: second)
        }
        batch.append(
            FeatureHasher.key(18, EntityFeatures.numberNames[min(scalarCount, 8)], forms.casings[form]),
            first: first, second: second)
    }

    /// Adds the keys of `EntityFeatures.local` that combine token `index` of sentence `ids` with its
    /// position or neighbours.
    private static func appendContextKeys(
        _ forms: TokenForms, _ ids: [Int32], _ index: Int, allCaps: Bool, to batch: inout KeyBatch, first: Int,
        second: Int
    ) {
        func lower(_ position: Int) -> String {
            position < 0 ? "<s>" : position >= ids.count ? "</s>" : forms.lowered[Int(ids[position])]
        }
        func shortShape(_ position: Int) -> String {
            position < 0 ? "<s>" : position >= ids.count ? "</s>" : forms.shortShapes[Int(ids[position])]
        }
        let form = Int(ids[index])
        let lowerForm = forms.lowered[form]
        let shortShapeForm = forms.shortShapes[form]
        let start = index == 0 ? "start" : "inside"
        batch.append(
            FeatureHasher.key(9, start, forms.casings[form], allCaps ? "capsline" : "mixed"),
            first: first, second: second)
        batch.append(FeatureHasher.key(12, lower(index - 1), lowerForm), first: first, second: second)
        batch.append(FeatureHasher.key(13, lowerForm, lower(index + 1)), first: first, second: second)
        batch.append(
            FeatureHasher.key(14, shortShape(index - 1), shortShapeForm, shortShape(index + 1)),
            first: first, second: second)
        batch.append(FeatureHasher.key(15, lower(index - 1), shortShapeForm), first: first, second: second)
        batch.append(FeatureHasher.key(16, shortShapeForm, lower(index + 1)), first: first, second: second)
    }
}
