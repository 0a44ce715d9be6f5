/// The part-of-speech tagger over `QuantizedWeights`: exact integer sums, with the weights that
/// depend on one token form alone (its own word features, and its window features as a neighbour
/// at each offset) summed once per distinct form of the document instead of once per token.
extension PartOfSpeechModel {
    /// Rows cached per form: own-word sums, then sums as the neighbour at offsets −2, −1, +1, +2.
    private static let rowsPerForm = 5

    /// Penn Treebank tags for every sentence of a document.
    public func tag(document: [[String]]) -> [[String]] {
        guard quantized != nil else { return document.map { tag(TaggingSentence($0)) } }
        return tag(forms: TokenForms(document))
    }

    /// Penn Treebank tags for every sentence of a document whose token forms are already collected.
    func tag(forms: TokenForms) -> [[String]] {
        guard let quantized else { return forms.sentenceWords.map { tag(TaggingSentence($0)) } }
        let labels = quantized.labelCount
        // One integer buffer: per form (and two pseudo-forms for the sentence boundaries) its cached
        // rows, then per token its row.
        let layout = CachedRows(forms: forms, rowsPerForm: Self.rowsPerForm, labels: labels)
        let (start, end, tokenBase, tokenCount) = (layout.start, layout.end, layout.tokenBase, layout.tokenCount)
        func row(_ form: Int, _ slot: Int) -> Int { layout.row(form, slot) }
        var sums = [Int32](repeating: 0, count: tokenBase + tokenCount * labels)
        var batch = KeyBatch(capacity: forms.count * 16 + tokenCount * 3)
        for form in 0..<forms.count {
            Self.appendWordKeys(forms, form, to: &batch, at: row(form, 0))
            for (number, (offset, name)) in PartOfSpeechFeatures.windowOffsets.enumerated() {
                Self.appendWindowKeys(offset, name, forms.lowered[form], to: &batch, at: row(form, 1 + number))
            }
        }
        for (number, (offset, name)) in PartOfSpeechFeatures.windowOffsets.enumerated() {
            let boundary = row(offset < 0 ? start : end, 1 + number)
            Self.appendWindowKeys(offset, name, offset < 0 ? "<s>" : "</s>", to: &batch, at: boundary)
        }
        var token = 0
        for ids in forms.sentences {
            for index in ids.indices {
                let target = tokenBase + token * labels
                let lower = forms.lowered[Int(ids[index])]
                let previous = index > 0 ? forms.lowered[Int(ids[index - 1])] : "<s>"
                let next = index + 1 < ids.count ? forms.lowered[Int(ids[index + 1])] : "</s>"
                batch.append(FeatureHasher.key(68, previous, lower), first: target, second: target)
                batch.append(FeatureHasher.key(69, lower, next), first: target, second: target)
                let position = index == 0 ? "start" : "inside"
                batch.append(
                    FeatureHasher.key(70, position, forms.shortShapes[Int(ids[index])]), first: target, second: target)
                token += 1
            }
        }
        quantized.add(batch, to: &sums)
        layout.add(
            to: &sums, forms: forms, windowOffsets: PartOfSpeechFeatures.windowOffsets.map(\.offset), width: labels,
            tokenStride: labels)
        var offset = tokenBase
        let scale = quantized.scales[0]
        return forms.sentences.map { ids in
            guard !ids.isEmpty else { return model.tag(emissions: [], count: 0) }
            let emissions = [Float](unsafeUninitializedCapacity: ids.count * labels) { result, initialized in
                sums.withUnsafeBufferPointer { sums in
                    QuantizedWeights.scores(
                        sums.baseAddress.unsafelyUnwrapped + offset, count: ids.count * labels, scale: scale,
                        into: result.baseAddress.unsafelyUnwrapped)
                }
                initialized = ids.count * labels
            }
            offset += ids.count * labels
            return model.tag(emissions: emissions, count: ids.count)
        }
    }

    /// Adds `count` integers at `source` to those at `target`.
    @inline(__always)
    /// Adds the keys of `PartOfSpeechFeatures` that depend on form `form` alone, summed at `row`.
    private static func appendWordKeys(_ forms: TokenForms, _ form: Int, to batch: inout KeyBatch, at row: Int) {
        let word = forms.words[form]
        let lower = forms.lowered[form]
        let scalarCount = forms.scalarCounts[form]
        batch.append(PartOfSpeechFeatures.biasKey, first: row, second: row)
        batch.append(FeatureHasher.key(61, word), first: row, second: row)
        batch.append(FeatureHasher.key(62, forms.normalized[form]), first: row, second: row)
        batch.append(FeatureHasher.key(63, forms.shapes[form]), first: row, second: row)
        for length in 1...4 where length <= scalarCount {
            var hasher = FeatureHasher(64)
            hasher.add(PartOfSpeechFeatures.numberNames[length])
            hasher.add(suffixOf: lower, length, isASCII: forms.isASCII[form])
            batch.append(hasher.key, first: row, second: row)
        }
        for length in 1...2 where length <= scalarCount {
            var hasher = FeatureHasher(65)
            hasher.add(PartOfSpeechFeatures.numberNames[length])
            hasher.add(prefixOf: word, length, isASCII: forms.isASCII[form])
            batch.append(hasher.key, first: row, second: row)
        }
    }

    /// Adds the keys of `PartOfSpeechFeatures` for a neighbour whose lower-cased form is `lower`,
    /// summed at `row`.
    private static func appendWindowKeys(
        _ offset: Int, _ name: String, _ lower: String, to batch: inout KeyBatch, at row: Int
    ) {
        batch.append(FeatureHasher.key(66, name, lower), first: row, second: row)
        if offset == -1 || offset == 1 {
            var hasher = FeatureHasher(67)
            hasher.add(name)
            hasher.add(suffixOf: lower, 3)
            batch.append(hasher.key, first: row, second: row)
        }
    }
}
