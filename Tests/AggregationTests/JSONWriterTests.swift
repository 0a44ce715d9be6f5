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
}
