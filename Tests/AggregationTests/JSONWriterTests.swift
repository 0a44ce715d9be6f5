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
}
