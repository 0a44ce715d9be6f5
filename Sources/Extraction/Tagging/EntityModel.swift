/// The trained named-entity model: gazetteer, first-pass sequence model and (optionally) the
/// second-pass model that adds document-consistency features from the first pass's predictions.
public struct EntityModel: Sendable {
    let gazetteer: Gazetteer
    let firstPass: SequenceModel
    let secondPass: SequenceModel?
    /// Both passes' weights under one table, when they fit it (see `DualWeightTable`).
    let bothPasses: DualWeightTable?
    /// Both passes' weights as exact integers, for a model read from a file (see `QuantizedWeights`).
    let quantized: QuantizedWeights?
    /// Per-token keys with few possible values, hashed once (see `FormFeatureKeys`).
    let formKeys: FormFeatureKeys

    /// The entity labels in BILOU form, as the sequence models predict them.
    static let labels: [String] = ["O"] + ["PER", "ORG", "LOC", "MISC"].flatMap { type in
        ["B", "I", "L", "U"].map { "\($0)-\(type)" }
    }

    /// The transition mask of `labels`.
    static var allowed: [Bool] { Viterbi.mask(labels: labels, rule: TagScheme.allowsBILOU) }

    init(gazetteer: Gazetteer, firstPass: SequenceModel, secondPass: SequenceModel?) {
        self.gazetteer = gazetteer
        self.firstPass = firstPass
        self.secondPass = secondPass
        formKeys = FormFeatureKeys(labels: firstPass.labels)
        let quantized = secondPass.flatMap { QuantizedWeights(passes: [firstPass, $0]) }
        self.quantized = quantized
        // The float table serves only models without the integer one (trained in memory).
        bothPasses = quantized == nil ? secondPass.flatMap { DualWeightTable(first: firstPass.weights, second: $0.weights) } : nil
    }

    /// IOB2 tags for every token of a document given as sentences of tokens. The document as a
    /// whole matters: a word's tags elsewhere in it are features.
    public func tag(document: [[String]]) -> [[String]] {
        tagBILOU(document: document).map(TagScheme.bilouToIOB2)
    }

    /// IOB2 tags for every sentence of a document whose token forms are already collected.
    func tag(forms: TokenForms) -> [[String]] {
        if let quantized, let secondPass {
            return tagBILOU(quantized: quantized, forms: forms, secondPass: secondPass).map(TagScheme.bilouToIOB2)
        }
        return tag(document: forms.sentenceWords)
    }

    /// IOB2 tags for every sentence of several documents sharing one table of forms (`documents`:
    /// each document's range of `forms.sentences`), each document tagged as `tag(forms:)` would.
    func tag(forms: TokenForms, documents: [Range<Int>]) -> [[String]] {
        if let quantized, let secondPass {
            return tagBILOU(quantized: quantized, forms: forms, secondPass: secondPass, documents: documents)
                .map(TagScheme.bilouToIOB2)
        }
        let words = forms.sentenceWords
        return documents.flatMap { tag(document: Array(words[$0])) }
    }

    /// BILOU tags of both passes.
    func tagBILOU(document: [[String]], firstPassOnly: Bool = false) -> [[String]] {
        if let quantized, let secondPass, !firstPassOnly {
            return tagBILOU(quantized: quantized, document: document, secondPass: secondPass)
        }
        return tagBILOU(sentences: document.map(TaggingSentence.init), firstPassOnly: firstPassOnly)
    }

    /// BILOU tags of both passes for sentences whose token forms are already computed.
    func tagBILOU(sentences views: [TaggingSentence], firstPassOnly: Bool = false) -> [[String]] {
        let extractor = EntityFeatures(gazetteer: gazetteer)
        let base = extractor.firstPass(views)
        if let secondPass, let bothPasses, !firstPassOnly {
            // One lookup per first-pass key scores both passes; the second pass then adds its own keys.
            var secondScores: [[Float]] = []
            secondScores.reserveCapacity(base.count)
            let first = base.map { features in
                let (firstScores, second) = bothPasses.emissions(features)
                secondScores.append(second)
                return firstPass.tag(emissions: firstScores, count: features.count)
            }
            let history = extractor.historyFeatures(
                words: views.map(\.words), lowered: views.map(\.lowered), firstPass: first)
            return zip(history, secondScores).map { features, scores in
                var scores = scores
                secondPass.weights.addEmissions(features, to: &scores)
                return secondPass.tag(emissions: scores, count: features.count)
            }
        }
        let first = base.map(firstPass.tag)
        guard let secondPass, !firstPassOnly else { return first }
        return extractor.secondPass(
            base: base, words: views.map(\.words), lowered: views.map(\.lowered), firstPass: first
        ).map(secondPass.tag)
    }

    /// Number of weighted features in the sequence models.
    public var featureCount: Int { firstPass.featureCount + (secondPass?.featureCount ?? 0) }

    /// Number of gazetteer phrases.
    public var gazetteerCount: Int { gazetteer.count }
}

extension EntityModel {
    private static let magic: [UInt8] = Array("NBNER".utf8)
    private static let version: UInt8 = 1

    /// The model in its compact binary file format.
    public func serialized() -> [UInt8] {
        var writer = ByteWriter()
        for byte in Self.magic { writer.write(byte) }
        writer.write(Self.version)
        writer.writeVarint(gazetteer.maximumLength)
        writer.writeVarint(gazetteer.entries.count)
        var previous: UInt32 = 0
        for (key, mask) in gazetteer.entries.sorted(by: { $0.key < $1.key }) {
            writer.writeVarint(Int(key - previous))
            writer.write(mask)
            previous = key
        }
        firstPass.write(to: &writer)
        writer.write(UInt8(secondPass == nil ? 0 : 1))
        secondPass?.write(to: &writer)
        return writer.bytes
    }

    /// Decodes a model written by `serialized()` (for example a `Data` read from a file).
    public init(serialized bytes: some Collection<UInt8>) throws(ExtractionError) {
        var reader = ByteReader(Array(bytes), name: "ner")
        for byte in Self.magic where try reader.readByte() != byte {
            throw reader.failure("not an entity model (bad magic)")
        }
        let version = try reader.readByte()
        guard version == Self.version else {
            throw reader.failure("format version \(version), expected \(Self.version)")
        }
        let maximumLength = try reader.readVarint()
        let count = try reader.readCount(itemSize: 3)
        var entries: [UInt32: UInt16] = [:]
        entries.reserveCapacity(count)
        var key: UInt32 = 0
        for _ in 0..<count {
            let delta = try reader.readVarint()
            guard delta <= Int(UInt32.max - key) else { throw reader.failure("gazetteer key overflow") }
            key += UInt32(delta)
            entries[key] = try reader.readUInt16()
        }
        let firstPass = try SequenceModel.read(from: &reader, rule: TagScheme.allowsBILOU)
        let hasSecond = try reader.readByte() != 0
        let secondPass = hasSecond ? try SequenceModel.read(from: &reader, rule: TagScheme.allowsBILOU) : nil
        guard reader.isAtEnd else { throw reader.failure("trailing bytes after the model") }
        self.init(
            gazetteer: Gazetteer(entries: entries, maximumLength: maximumLength), firstPass: firstPass,
            secondPass: secondPass)
    }
}
