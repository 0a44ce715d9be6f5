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

    /// A writer at the top level.
    init() {}

    /// A writer of a value that will stand at `depth` levels of nesting in a larger document (its
    /// lines indented to match), e.g. one rendered apart and spliced in with ``drain(to:)``.
    init(depth: Int) {
        self.depth = depth
    }

    /// Hands the bytes written so far to `output` and empties the buffer, keeping its capacity, so a
    /// document can go out in pieces.
    mutating func drain(to output: (UnsafeRawBufferPointer) -> Void) {
        bytes.withUnsafeBytes(output)
        bytes.removeAll(keepingCapacity: true)
    }

    /// An object key written as given: a string literal of plain ASCII that needs no escaping
    /// (every key of `report.json`), so it is copied without a `String` or a scan.
    struct Key: ExpressibleByStringLiteral {
        let text: StaticString
        init(stringLiteral text: StaticString) { self.text = text }
    }

    /// The fields of one object being written.
    struct Object {
        fileprivate var writer: JSONWriter
        fileprivate var count = 0

        /// A field whose value the closure writes.
        mutating func field(_ key: Key, _ body: (inout JSONWriter) -> Void) {
            writer.key(key, first: count == 0)
            count += 1
            body(&writer)
        }

        /// A string field (`null` when `nil`).
        mutating func field(_ key: Key, _ value: String?) {
            writer.key(key, first: count == 0)
            count += 1
            if let value { writer.string(value) } else { writer.null() }
        }

        /// An integer field.
        mutating func field(_ key: Key, _ value: Int) {
            writer.key(key, first: count == 0)
            count += 1
            writer.integer(value)
        }

        /// A number field (`null` when `nil` or not finite).
        mutating func field(_ key: Key, _ value: Double?) {
            writer.key(key, first: count == 0)
            count += 1
            writer.number(value)
        }

        /// An integer field whose key is data (escaped as any string).
        mutating func field(named key: String, _ value: Int) {
            writer.newLine(first: count == 0)
            count += 1
            writer.string(key)
            writer.append(JSONWriter.colon)
            writer.integer(value)
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
            newLine(first: index == 0)
            body(&self, element)
        }
        depth -= 1
        bytes.append(0x0A)
        indent()
        bytes.append(0x5D)
    }

    /// Writes `null`.
    mutating func null() {
        append("null")
    }

    /// Writes a number: integral values without a fraction, others in Swift's shortest form.
    mutating func number(_ value: Double?) {
        guard let value, value.isFinite else { return null() }
        if value == value.rounded(), abs(value) < 1e15 {
            integer(Int(value))
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

    /// Writes an integer in decimal, digit by digit into the buffer (no `String` made).
    mutating func integer(_ value: Int) {
        if value < 0 { bytes.append(0x2D) }
        var magnitude = value.magnitude
        let start = bytes.count
        repeat {
            bytes.append(UInt8(truncatingIfNeeded: magnitude % 10) + 0x30)
            magnitude /= 10
        } while magnitude > 0
        bytes[start...].reverse()
    }

    /// `" : "` between a key and its value.
    fileprivate static let colon: StaticString = " : "

    /// Appends the bytes of a literal.
    fileprivate mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Starts a field: separator, new line, indentation, then `"key" : `.
    fileprivate mutating func key(_ key: Key, first: Bool) {
        newLine(first: first)
        bytes.append(0x22)
        append(key.text)
        bytes.append(0x22)
        append(Self.colon)
    }

    /// Spaces to indent with, sliced to the depth.
    private static let spaces = [UInt8](repeating: 0x20, count: 256)

    /// Ends the previous element (a comma unless this is the `first`), then a new line, indented.
    fileprivate mutating func newLine(first: Bool) {
        if !first { bytes.append(0x2C) }
        bytes.append(0x0A)
        indent()
    }

    private mutating func indent() {
        let count = depth * 2
        if count <= Self.spaces.count {
            bytes.append(contentsOf: Self.spaces[..<count])
        } else {
            bytes.append(contentsOf: repeatElement(0x20, count: count))
        }
    }
}
