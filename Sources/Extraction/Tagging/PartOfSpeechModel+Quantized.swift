/// The part-of-speech tagger over `QuantizedWeights`: exact integer sums, with the weights that
/// depend on one token form alone (its own word features, and its window features as a neighbour
/// at each offset) summed once per distinct form of the document instead of once per token.
extension PartOfSpeechModel {
    /// Rows cached per form: own-word sums, then sums as the neighbour at offsets −2, −1, +1, +2.
    private static let rowsPerForm = 5

    /// Penn Treebank tags for every sentence of a document.
    public func tag(document: [[String]]) -> [[String]] {
        guard let quantized else { return document.map { tag(TaggingSentence($0)) } }
        let forms = TokenForms(document)
        let labels = quantized.labelCount
        return quantized.withLookup { lookup in
            let start = forms.count
            let end = forms.count + 1
            var cached = [Int32](repeating: 0, count: (forms.count + 2) * Self.rowsPerForm * labels)
            cached.withUnsafeMutableBufferPointer { cached in
                let base = cached.baseAddress.unsafelyUnwrapped
                func row(_ form: Int, _ slot: Int) -> UnsafeMutablePointer<Int32> {
                    base + (form * Self.rowsPerForm + slot) * labels
                }
                for form in 0..<forms.count {
                    for key in Self.wordKeys(forms, form) { lookup.add(key, first: row(form, 0), second: row(form, 0)) }
                    for (number, (offset, name)) in PartOfSpeechFeatures.windowOffsets.enumerated() {
                        for key in Self.windowKeys(offset, name, forms.lowered[form]) {
                            lookup.add(key, first: row(form, 1 + number), second: row(form, 1 + number))
                        }
                    }
                }
                for (number, (offset, name)) in PartOfSpeechFeatures.windowOffsets.enumerated() {
                    let boundary = offset < 0 ? start : end
                    for key in Self.windowKeys(offset, name, offset < 0 ? "<s>" : "</s>") {
                        lookup.add(key, first: row(boundary, 1 + number), second: row(boundary, 1 + number))
                    }
                }
            }
            return forms.sentences.map { ids in
                var sums = [Int32](repeating: 0, count: ids.count * labels)
                cached.withUnsafeBufferPointer { cached in
                    sums.withUnsafeMutableBufferPointer { sums in
                        for index in ids.indices {
                            let row = sums.baseAddress.unsafelyUnwrapped + index * labels
                            func add(_ form: Int, _ slot: Int) {
                                let offset = (form * Self.rowsPerForm + slot) * labels
                                for label in 0..<labels { row[label] &+= cached[offset + label] }
                            }
                            add(Int(ids[index]), 0)
                            for (number, (offset, _)) in PartOfSpeechFeatures.windowOffsets.enumerated() {
                                let neighbour = index + offset
                                add(neighbour < 0 ? start : neighbour >= ids.count ? end : Int(ids[neighbour]), 1 + number)
                            }
                            let lower = forms.lowered[Int(ids[index])]
                            let previous = index > 0 ? forms.lowered[Int(ids[index - 1])] : "<s>"
                            let next = index + 1 < ids.count ? forms.lowered[Int(ids[index + 1])] : "</s>"
                            lookup.add(FeatureHasher.key(68, previous, lower), first: row, second: row)
                            lookup.add(FeatureHasher.key(69, lower, next), first: row, second: row)
                            lookup.add(
                                FeatureHasher.key(70, index == 0 ? "start" : "inside", forms.shortShapes[Int(ids[index])]),
                                first: row, second: row)
                        }
                    }
                }
                return model.tag(emissions: quantized.emissions(sums, pass: 0), count: ids.count)
            }
        }
    }

    /// The keys of `PartOfSpeechFeatures` that depend on form `form` alone.
    private static func wordKeys(_ forms: TokenForms, _ form: Int) -> [UInt32] {
        let word = forms.words[form]
        let lower = forms.lowered[form]
        let scalarCount = forms.scalarCounts[form]
        var keys: [UInt32] = [
            PartOfSpeechFeatures.biasKey, FeatureHasher.key(61, word), FeatureHasher.key(62, forms.normalized[form]),
            FeatureHasher.key(63, forms.shapes[form]),
        ]
        for length in 1...4 where length <= scalarCount {
            var hasher = FeatureHasher(64)
            hasher.add(PartOfSpeechFeatures.numberNames[length])
            hasher.add(suffixOf: lower, length)
            keys.append(hasher.key)
        }
        for length in 1...2 where length <= scalarCount {
            var hasher = FeatureHasher(65)
            hasher.add(PartOfSpeechFeatures.numberNames[length])
            hasher.add(prefixOf: word, length)
            keys.append(hasher.key)
        }
        return keys
    }

    /// The keys of `PartOfSpeechFeatures` for a neighbour whose lower-cased form is `lower`.
    private static func windowKeys(_ offset: Int, _ name: String, _ lower: String) -> [UInt32] {
        var keys = [FeatureHasher.key(66, name, lower)]
        if offset == -1 || offset == 1 {
            var hasher = FeatureHasher(67)
            hasher.add(name)
            hasher.add(suffixOf: lower, 3)
            keys.append(hasher.key)
        }
        return keys
    }
}
