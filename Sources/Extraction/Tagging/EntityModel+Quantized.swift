/// The entity tagger over `QuantizedWeights`: exact integer sums, with every weight that depends on
/// one token form alone (its own word features, and its window features as a neighbour at each
/// offset) summed once per distinct form of the document instead of once per token.
extension EntityModel {
    /// Rows cached per form: both passes' own-word sums, then both passes' sums as the neighbour
    /// at offsets −2, −1, +1, +2.
    private static let rowsPerForm = 10

    /// BILOU tags of both passes, as `tagBILOU(sentences:)` computes them but summed as integers.
    func tagBILOU(quantized: QuantizedWeights, document: [[String]], secondPass: SequenceModel) -> [[String]] {
        let forms = TokenForms(document)
        let views = forms.sentences.indices.map(forms.view)
        let extractor = EntityFeatures(gazetteer: gazetteer)
        let context = DocumentContext(views)
        let labels = quantized.labelCount
        return quantized.withLookup { lookup in
            // Two pseudo-forms after the real ones stand for the sentence boundaries.
            let start = forms.count
            let end = forms.count + 1
            var cached = [Int32](repeating: 0, count: (forms.count + 2) * Self.rowsPerForm * labels)
            cached.withUnsafeMutableBufferPointer { cached in
                let base = cached.baseAddress.unsafelyUnwrapped
                func row(_ form: Int, _ slot: Int) -> UnsafeMutablePointer<Int32> {
                    base + (form * Self.rowsPerForm + slot) * labels
                }
                for form in 0..<forms.count {
                    for key in Self.wordKeys(forms, form) { lookup.add(key, first: row(form, 0), second: row(form, 1)) }
                    for (number, (_, name)) in EntityFeatures.windowOffsets.enumerated() {
                        let first = row(form, 2 + 2 * number)
                        let second = row(form, 3 + 2 * number)
                        lookup.add(FeatureHasher.key(10, name, forms.lowered[form]), first: first, second: second)
                        lookup.add(FeatureHasher.key(11, name, forms.shortShapes[form]), first: first, second: second)
                    }
                }
                for (number, (offset, name)) in EntityFeatures.windowOffsets.enumerated() {
                    let boundary = offset < 0 ? start : end
                    let marker = offset < 0 ? "<s>" : "</s>"
                    let first = row(boundary, 2 + 2 * number)
                    let second = row(boundary, 3 + 2 * number)
                    lookup.add(FeatureHasher.key(10, name, marker), first: first, second: second)
                    lookup.add(FeatureHasher.key(11, name, marker), first: first, second: second)
                }
            }
            var secondSums: [[Int32]] = []
            secondSums.reserveCapacity(views.count)
            let firstTags = views.indices.map { number in
                let view = views[number]
                let ids = forms.sentences[number]
                let gazetteerKeys = extractor.gazetteerFeatures(view)
                var first = [Int32](repeating: 0, count: view.count * labels)
                var second = first
                var contextKeys = FeatureBuffer(tokens: 1, keysPerToken: 16)
                cached.withUnsafeBufferPointer { cached in
                    first.withUnsafeMutableBufferPointer { first in
                        second.withUnsafeMutableBufferPointer { second in
                            for index in 0..<view.count {
                                let firstRow = first.baseAddress.unsafelyUnwrapped + index * labels
                                let secondRow = second.baseAddress.unsafelyUnwrapped + index * labels
                                func add(_ form: Int, _ slot: Int) {
                                    let offset = (form * Self.rowsPerForm + slot) * labels
                                    for label in 0..<labels {
                                        firstRow[label] &+= cached[offset + label]
                                        secondRow[label] &+= cached[offset + labels + label]
                                    }
                                }
                                add(Int(ids[index]), 0)
                                for (number, (offset, _)) in EntityFeatures.windowOffsets.enumerated() {
                                    let neighbour = index + offset
                                    let form = neighbour < 0 ? start : neighbour >= view.count ? end : Int(ids[neighbour])
                                    add(form, 2 + 2 * number)
                                }
                                Self.contextKeys(view, index, into: &contextKeys)
                                contextKeys.append(contentsOf: gazetteerKeys[index])
                                extractor.documentFeatures(view, index, context: context, into: &contextKeys)
                                for key in contextKeys.keys { lookup.add(key, first: firstRow, second: secondRow) }
                                contextKeys.removeAll()
                            }
                        }
                    }
                }
                secondSums.append(second)
                return firstPass.tag(emissions: quantized.emissions(first, pass: 0), count: view.count)
            }
            let history = extractor.historyFeatures(
                words: views.map(\.words), lowered: views.map(\.lowered), firstPass: firstTags)
            var scratch = [Int32](repeating: 0, count: labels)
            return zip(history, secondSums).map { features, sums in
                var sums = sums
                sums.withUnsafeMutableBufferPointer { sums in
                    scratch.withUnsafeMutableBufferPointer { scratch in
                        let scratch = scratch.baseAddress.unsafelyUnwrapped
                        for token in 0..<features.count {
                            let row = sums.baseAddress.unsafelyUnwrapped + token * labels
                            for key in features[token] { lookup.add(key, first: scratch, second: row) }
                        }
                    }
                }
                return secondPass.tag(emissions: quantized.emissions(sums, pass: 1), count: features.count)
            }
        }
    }

    /// The keys of `EntityFeatures` that depend on form `form` alone (`local`'s own-word keys).
    private static func wordKeys(_ forms: TokenForms, _ form: Int) -> [UInt32] {
        let word = forms.words[form]
        let lower = forms.lowered[form]
        let scalarCount = forms.scalarCounts[form]
        var keys: [UInt32] = [
            EntityFeatures.biasKey, FeatureHasher.key(2, word), FeatureHasher.key(3, lower),
            FeatureHasher.key(4, forms.normalized[form]), FeatureHasher.key(5, forms.shapes[form]),
            FeatureHasher.key(6, forms.shortShapes[form]),
        ]
        for length in 1...4 where length <= scalarCount {
            var prefix = FeatureHasher(7)
            prefix.add(EntityFeatures.numberNames[length])
            prefix.add(prefixOf: word, length)
            keys.append(prefix.key)
            var suffix = FeatureHasher(8)
            suffix.add(EntityFeatures.numberNames[length])
            suffix.add(suffixOf: lower, length)
            keys.append(suffix.key)
        }
        keys.append(FeatureHasher.key(18, EntityFeatures.numberNames[min(scalarCount, 8)], casing(word)))
        return keys
    }

    private static func casing(_ word: String) -> String {
        WordShape.isAllCaps(word) ? "caps" : WordShape.isCapitalized(word) ? "cap" : "other"
    }

    /// The keys of `EntityFeatures.local` that combine token `index` with its position or neighbours.
    private static func contextKeys(_ view: TaggingSentence, _ index: Int, into keys: inout FeatureBuffer) {
        let lower = view.lowered[index]
        let shortShape = view.shortShapes[index]
        let start = index == 0 ? "start" : "inside"
        keys.append(FeatureHasher.key(9, start, casing(view.words[index]), view.isAllCaps ? "capsline" : "mixed"))
        keys.append(FeatureHasher.key(12, view.lower(index - 1), lower))
        keys.append(FeatureHasher.key(13, lower, view.lower(index + 1)))
        keys.append(FeatureHasher.key(14, view.shortShape(index - 1), shortShape, view.shortShape(index + 1)))
        keys.append(FeatureHasher.key(15, view.lower(index - 1), shortShape))
        keys.append(FeatureHasher.key(16, shortShape, view.lower(index + 1)))
    }
}
