/// A value written as one JSON object by ``JSONWriter``.
protocol JSONObjectValue {
    /// Writes the object's fields, in sorted key order.
    func write(into object: inout JSONWriter.Object)
}

/// Writes pretty-printed JSON (two-space indentation, `"key" : value`) straight into bytes.
/// Callers give object fields in the order they should appear (sorted, for `report.json`).
struct JSONWriter {
    /// The JSON written so far, UTF-8.
    var bytes: [UInt8] = []
    private var depth = 0

    /// The fields of one object being written.
    struct Object {
        fileprivate var writer: JSONWriter
        fileprivate var count = 0

        /// A field whose value the closure writes.
        mutating func field(_ key: String, _ body: (inout JSONWriter) -> Void) {
            writer.bytes.append(contentsOf: count == 0 ? [0x0A] : [0x2C, 0x0A])
            count += 1
            writer.indent()
            writer.string(key)
            writer.bytes.append(contentsOf: [0x20, 0x3A, 0x20])
            body(&writer)
        }

        /// A string field (`null` when `nil`).
        mutating func field(_ key: String, _ value: String?) {
            field(key) { writer in
                if let value { writer.string(value) } else { writer.null() }
            }
        }

        /// An integer field.
        mutating func field(_ key: String, _ value: Int) {
            field(key) { $0.bytes.append(contentsOf: String(value).utf8) }
        }

        /// A number field (`null` when `nil` or not finite).
        mutating func field(_ key: String, _ value: Double?) {
            field(key) { $0.number(value) }
        }
    }

    /// Writes an object whose fields `body` adds.
    mutating func object(_ body: (inout Object) -> Void) {
        bytes.append(0x7B)
        depth += 1
        var object = Object(writer: JSONWriter())
        swap(&self, &object.writer)  // the buffer moves, never copied
        body(&object)
        swap(&self, &object.writer)
        depth -= 1
        if object.count > 0 {
            bytes.append(0x0A)
            indent()
        }
        bytes.append(0x7D)
    }

    /// Writes `value` as an object.
    mutating func value(_ value: some JSONObjectValue) {
        object { value.write(into: &$0) }
    }

    /// Writes an array of `elements`, each written by `body`.
    mutating func array<Element>(_ elements: [Element], _ body: (inout JSONWriter, Element) -> Void) {
        bytes.append(0x5B)
        guard !elements.isEmpty else {
            bytes.append(0x5D)
            return
        }
        depth += 1
        for (index, element) in elements.enumerated() {
            bytes.append(contentsOf: index == 0 ? [0x0A] : [0x2C, 0x0A])
            indent()
            body(&self, element)
        }
        depth -= 1
        bytes.append(0x0A)
        indent()
        bytes.append(0x5D)
    }

    /// Writes `null`.
    mutating func null() {
        bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
    }

    /// Writes a number: integral values without a fraction, others in Swift's shortest form.
    mutating func number(_ value: Double?) {
        guard let value, value.isFinite else { return null() }
        if value == value.rounded(), abs(value) < 1e15 {
            bytes.append(contentsOf: String(Int(value)).utf8)
        } else {
            bytes.append(contentsOf: String(value).utf8)
        }
    }

    /// Writes a JSON string: quotes, backslashes and control characters escaped, the rest as UTF-8.
    mutating func string(_ value: String) {
        bytes.append(0x22)
        var value = value
        // Runs of bytes that need no escape are copied whole; most strings are one run.
        value.withUTF8 { utf8 in
            var run = 0
            for index in utf8.indices where utf8[index] < 0x20 || utf8[index] == 0x22 || utf8[index] == 0x5C {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<index]))
                escape(utf8[index])
                run = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
        }
        bytes.append(0x22)
    }

    /// Appends the escape sequence of a quote, backslash or control byte.
    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
        case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
        case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
        case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
        case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
        default:
            let hex: [UInt8] = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
        }
    }

    private mutating func indent() {
        bytes.append(contentsOf: repeatElement(0x20, count: depth * 2))
    }
}
