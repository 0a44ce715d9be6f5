import Testing

@testable import Extraction

/// The weight rows of a model file, read straight from its bytes: what they mean (each row's
/// non-zero weights in label order, a label given twice keeping its last value) and what they
/// refuse (every truncation, labels out of range).
@Suite("Model file rows")
struct SequenceModelFileTests {
    /// A three-label model file whose rows are given as (key delta, [(label, value)]).
    static func file(rows: [(delta: Int, weights: [(label: UInt8, value: Int16)])], scale: Float = 2) -> [UInt8] {
        var writer = ByteWriter()
        writer.writeVarint(3)
        for label in ["A", "B", "C"] { writer.write(label) }
        for _ in 0..<16 { writer.write(Float(0.5)) }
        writer.write(scale)
        writer.writeVarint(rows.count)
        for row in rows {
            writer.writeVarint(row.delta)
            writer.write(UInt8(row.weights.count))
            for (label, value) in row.weights {
                writer.write(label)
                writer.write(UInt16(bitPattern: value))
            }
        }
        return writer.bytes
    }

    static func read(_ bytes: [UInt8]) throws(ExtractionError) -> SequenceModel {
        var reader = ByteReader(bytes, name: "test")
        return try SequenceModel.read(from: &reader) { _, _ in true }
    }

    static func rows(_ model: SequenceModel) -> [[Float]] {
        (0..<model.weights.count).map { row in
            var dense = [Float](repeating: 0, count: 3)
            for entry in model.weights.entries(ofRow: row) { dense[Int(entry.label)] = entry.value }
            return dense
        }
    }

    @Test("Rows in label order, out of order, with a label twice, with zeros: the same dense meaning")
    func rowMeaning() throws {
        let model = try Self.read(
            Self.file(rows: [
                (5, [(0, 2), (2, -4)]),
                (1, [(2, 6), (0, 8)]),
                (1, [(1, 2), (1, 10)]),
                (1, [(0, 0), (1, 4)]),
                (300, []),
            ]))
        #expect(model.weights.count == 5)
        #expect((0..<5).map { model.weights.key(ofRow: $0) } == [5, 6, 7, 8, 308])
        #expect(Self.rows(model) == [[1, 0, -2], [4, 0, 3], [0, 5, 0], [0, 2, 0], [0, 0, 0]])
        for row in 0..<model.weights.count {
            let labels = model.weights.entries(ofRow: row).map(\.label)
            #expect(labels == labels.sorted() && Set(labels).count == labels.count, "row \(row): \(labels)")
            #expect(!model.weights.entries(ofRow: row).contains { $0.value == 0 }, "no zero entries")
        }
    }

    @Test("Every truncation of a file is an error, never a crash or a shorter model")
    func truncations() {
        let bytes = Self.file(rows: [(200, [(0, 2), (2, -4)]), (70_000, [(1, 6)]), (1, [(2, 1), (1, 3)])])
        #expect((try? Self.read(bytes)) != nil)
        for length in 0..<bytes.count {
            #expect(throws: ExtractionError.self, "cut at \(length)") { try Self.read(Array(bytes[..<length])) }
        }
    }

    @Test("Any byte of a file changed to any of five values: a model or an error, never a trap")
    func corruptions() {
        let bytes = Self.file(rows: [(200, [(0, 2), (2, -4)]), (70_000, [(1, 6)]), (1, [(2, 1), (1, 3)])])
        var loaded = 0
        for position in bytes.indices {
            for value: UInt8 in [0x00, 0x02, 0x7f, 0x80, 0xff, bytes[position] ^ 0x01] {
                var corrupt = bytes
                corrupt[position] = value
                if let model = try? Self.read(corrupt) {
                    loaded += 1
                    #expect(model.weights.count <= 3)
                }
            }
        }
        #expect(loaded > 0, "some changes (a weight's value) still make a model")
    }

    @Test("A label beyond the model's labels is an error naming it")
    func labelOutOfRange() {
        #expect {
            try Self.read(Self.file(rows: [(1, [(0, 2), (3, 4)])]))
        } throws: { error in
            "\(error)".contains("label 3 of 3")
        }
    }
}
