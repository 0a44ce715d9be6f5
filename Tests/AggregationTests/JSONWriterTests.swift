import Foundation
import Testing

@testable import Aggregation

@Suite("JSONWriter")
struct JSONWriterTests {
    @Test("integers are written as Swift prints them, without a String made", arguments: [0, 7, 10, -42, 1_000_000, Int.max, Int.min])
    func integers(value: Int) {
        var writer = JSONWriter()
        writer.integer(value)
        #expect(String(decoding: writer.bytes, as: UTF8.self) == String(value))
    }

    @Test("nested objects and arrays are indented two spaces per level, with separators between elements")
    func layout() {
        var writer = JSONWriter()
        writer.object { object in
            object.field("a", 1)
            object.field("b") { $0.array([1, 2]) { $0.integer($1) } }
            object.field("c") { $0.object { $0.field("d", "x\"y") } }
        }
        #expect(
            String(decoding: writer.bytes, as: UTF8.self)
                == "{\n  \"a\" : 1,\n  \"b\" : [\n    1,\n    2\n  ],\n  \"c\" : {\n    \"d\" : \"x\\\"y\"\n  }\n}")
    }

    @Test("a value rendered apart at its depth and spliced in with drain gives the same bytes as one writer")
    func splice() {
        func body(_ writer: inout JSONWriter) { writer.array([[1, 2], [3]]) { $0.array($1) { $0.integer($1) } } }
        var whole = JSONWriter()
        whole.object { object in
            object.field("a", "x")
            object.field("b") { body(&$0) }
            object.field("c", 3)
        }
        var pieces: [UInt8] = []
        var head = JSONWriter()
        head.object { object in
            object.field("a", "x")
            object.field("b") { writer in
                writer.drain { pieces.append(contentsOf: $0) }
                var part = JSONWriter(depth: 1)
                body(&part)
                part.drain { pieces.append(contentsOf: $0) }
            }
            object.field("c", 3)
        }
        head.drain { pieces.append(contentsOf: $0) }
        #expect(String(decoding: pieces, as: UTF8.self) == String(decoding: whole.bytes, as: UTF8.self))
    }

    /// JSON's escaping, one byte at a time: the reference the writer's word-at-a-time scan must match.
    static func reference(_ text: String) -> String {
        var out: [UInt8] = [0x22]
        for byte in text.utf8 {
            switch byte {
            case 0x22: out += Array("\\\"".utf8)
            case 0x5C: out += Array("\\\\".utf8)
            case 0x0A: out += Array("\\n".utf8)
            case 0x0D: out += Array("\\r".utf8)
            case 0x09: out += Array("\\t".utf8)
            case 0..<0x20: out += Array(String(format: "\\u%04x", byte).utf8)
            default: out.append(byte)
            }
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }

    @Test("strings escape every quote, backslash and control byte wherever it falls, and nothing else")
    func escaping() throws {
        // Pieces of 1 to 4 bytes, so the bytes to escape land at every offset of the 8-byte words
        // the writer checks at once, before, inside and after multi-byte characters.
        let pieces = ["a", "é", "\"", "\\", "\n", "\u{01}", "日本", "\t", "\r", "\u{1F}", " ", "€", "z9"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for length in 0..<48 {
            for _ in 0..<8 {
                var text = ""
                for _ in 0..<length {
                    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    text += pieces[Int(state >> 33) % pieces.count]
                }
                var writer = JSONWriter()
                writer.string(text)
                let written = String(decoding: writer.bytes, as: UTF8.self)
                #expect(written == Self.reference(text))
                let decoded = try JSONDecoder().decode(String.self, from: Data(writer.bytes))
                #expect(decoded == text)
            }
        }
    }

    @Test("data() hands over exactly the bytes written, and an empty writer gives empty data")
    func handOver() {
        var writer = JSONWriter()
        writer.array([1, 22, 333]) { $0.integer($1) }
        let bytes = writer.bytes
        #expect(writer.data() == Data(bytes))
        #expect(JSONWriter().data().isEmpty)
    }
}
