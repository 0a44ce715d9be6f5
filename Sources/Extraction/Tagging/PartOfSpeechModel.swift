/// The trained part-of-speech model (Penn Treebank tags).
public struct PartOfSpeechModel: Sendable {
    let model: SequenceModel
    /// The weights as exact integers, for a model read from a file (see `QuantizedWeights`).
    let quantized: QuantizedWeights?

    init(model: SequenceModel) {
        self.model = model
        quantized = QuantizedWeights(passes: [model])
    }

    /// Penn Treebank tags for one sentence of tokens.
    public func tag(sentence: [String]) -> [String] {
        if quantized != nil { return tag(document: [sentence]).first ?? [] }
        return tag(TaggingSentence(sentence))
    }

    /// Penn Treebank tags for one sentence whose token forms are already computed.
    func tag(_ sentence: TaggingSentence) -> [String] {
        model.tag(PartOfSpeechFeatures.features(sentence))
    }

    /// Any label may follow any other.
    static func anyTransition(_ previous: String?, _ next: String?) -> Bool { true }

    private static let magic: [UInt8] = Array("NBPOS".utf8)
    private static let version: UInt8 = 1

    /// The model in its compact binary file format.
    public func serialized() -> [UInt8] {
        var writer = ByteWriter()
        for byte in Self.magic { writer.write(byte) }
        writer.write(Self.version)
        model.write(to: &writer)
        return writer.bytes
    }

    /// Decodes a model written by `serialized()` (for example a `Data` read from a file).
    public init(serialized bytes: some Collection<UInt8>) throws(ExtractionError) {
        var reader = ByteReader(Array(bytes), name: "pos")
        for byte in Self.magic where try reader.readByte() != byte {
            throw reader.failure("not a part-of-speech model (bad magic)")
        }
        let version = try reader.readByte()
        guard version == Self.version else {
            throw reader.failure("format version \(version), expected \(Self.version)")
        }
        let model = try SequenceModel.read(from: &reader, rule: Self.anyTransition)
        guard reader.isAtEnd else { throw reader.failure("trailing bytes after the model") }
        self.init(model: model)
    }
}
