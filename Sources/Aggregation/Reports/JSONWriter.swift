import Foundation

/// A value written as one JSON object by ``JSONWriter``.
protocol JSONObjectValue {
    /// Writes the object's fields, in sorted key order.
    func write(into object: inout JSONWriter.Object)
}

/// Writes pretty-printed JSON (two-space indentation, `"key" : value`) straight into bytes.
/// Callers give object fields in the order they should appear (sorted, for `report.json`).
///
/// The bytes go into a buffer the writer owns and writes through a pointer, room made once per
/// token: appending to an `[UInt8]` checked uniqueness and capacity at every byte, and a
/// 1,000-article `report.json` (9 MB, at the end of a job) rendered at ~240 MB/s. Noncopyable, so
/// the buffer has one owner: a nested object takes it over by `swap` and hands it back.
struct JSONWriter: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>?
    /// Bytes written so far.
    private(set) var count = 0
    private var capacity = 0
    private var depth = 0

    /// A writer at the top level.
    init() {}

    /// A writer of a value that will stand at `depth` levels of nesting in a larger document (its
    /// lines indented to match), e.g. one rendered apart and spliced in with ``drain(to:)``.
    init(depth: Int) {
        self.depth = depth
    }

    deinit {
        free(base)
    }

    /// A copy of the bytes written so far.
    var bytes: [UInt8] {
        Array(UnsafeBufferPointer(start: base, count: count))
    }

    /// The bytes written, handed over without a copy.
    consuming func data() -> Data {
        guard let base, count > 0 else {
            free(base)
            discard self
            return Data()
        }
        let data = Data(bytesNoCopy: base, count: count, deallocator: .free)
        discard self
        return data
    }

    /// Makes room for `additional` more bytes at once, so the buffer seldom grows (and copies).
    mutating func reserve(_ additional: Int) {
        if count + additional > capacity { grow(to: count + additional) }
    }

    /// Hands the bytes written so far to `output` and empties the buffer, keeping its capacity, so a
    /// document can go out in pieces.
    mutating func drain(to output: (UnsafeRawBufferPointer) -> Void) {
        output(UnsafeRawBufferPointer(start: base, count: count))
        count = 0
    }

    /// An object key written as given: a string literal of plain ASCII that needs no escaping
    /// (every key of `report.json`), so it is copied without a `String` or a scan.
    struct Key: ExpressibleByStringLiteral {
        let text: StaticString
        init(stringLiteral text: StaticString) { self.text = text }
    }

    /// The fields of one object being written.
    struct Object: ~Copyable {
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
        append(0x7B)
        depth += 1
        var object = Object(writer: JSONWriter())
        swap(&self, &object.writer)  // the buffer moves, never copied
        body(&object)
        swap(&self, &object.writer)
        depth -= 1
        if object.count > 0 { newLine(first: true) }
        append(0x7D)
    }

    /// Writes `value` as an object.
    mutating func value(_ value: some JSONObjectValue) {
        object { value.write(into: &$0) }
    }

    /// Writes an array of `elements`, each written by `body`.
    mutating func array<Element>(_ elements: [Element], _ body: (inout JSONWriter, Element) -> Void) {
        append(0x5B)
        guard !elements.isEmpty else {
            append(0x5D)
            return
        }
        depth += 1
        for (index, element) in elements.enumerated() {
            newLine(first: index == 0)
            body(&self, element)
        }
        depth -= 1
        newLine(first: true)
        append(0x5D)
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
            var text = String(value)
            text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
        }
    }

    /// Writes a JSON string: quotes, backslashes and control characters escaped, the rest as UTF-8.
    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            let text = UnsafeRawBufferPointer(utf8)
            // Room for the quotes and the text; an escape makes more room for itself.
            reserve(text.count + 2)
            append(0x22)
            // Runs of bytes that need no escape are copied whole; most strings are one run.
            var run = 0
            var index = Self.firstEscape(in: text, from: 0)
            while index < text.count {
                append(UnsafeRawBufferPointer(rebasing: text[run..<index]))
                escape(text[index])
                run = index + 1
                index = Self.firstEscape(in: text, from: run)
            }
            append(UnsafeRawBufferPointer(rebasing: text[run...]))
            append(0x22)
        }
    }

    /// The index of the first byte at or after `start` that JSON must escape (a quote, a backslash or
    /// a control byte), or `text.count`. Eight bytes are checked at once while they need none.
    private static func firstEscape(in text: UnsafeRawBufferPointer, from start: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var index = start
        while index + 8 <= text.count {
            let word = text.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            // A byte below 0x20, or a quote or backslash (a zero byte after the XOR with it).
            let quote = word ^ (ones &* 0x22)
            let backslash = word ^ (ones &* 0x5C)
            let found =
                ((word &- ones &* 0x20) & ~word) | ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
            if found & highs != 0 { break }
            index += 8
        }
        while index < text.count {
            let byte = text[index]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C { return index }
            index += 1
        }
        return index
    }

    /// Appends the escape sequence of a quote, backslash or control byte.
    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case 0x22: append("\\\"")
        case 0x5C: append("\\\\")
        case 0x0A: append("\\n")
        case 0x0D: append("\\r")
        case 0x09: append("\\t")
        default:
            let hex: StaticString = "0123456789abcdef"
            append("\\u00")
            hex.withUTF8Buffer { digits in
                append(digits[Int(byte >> 4)])
                append(digits[Int(byte & 0xF)])
            }
        }
    }

    /// Writes an integer in decimal, digit by digit into the buffer (no `String` made).
    mutating func integer(_ value: Int) {
        reserve(20)
        guard let base else { return }
        if value < 0 {
            base[count] = 0x2D
            count += 1
        }
        var magnitude = value.magnitude
        let start = count
        repeat {
            base[count] = UInt8(truncatingIfNeeded: magnitude % 10) + 0x30
            count += 1
            magnitude /= 10
        } while magnitude > 0
        var digits = UnsafeMutableBufferPointer(start: base + start, count: count - start)
        digits.reverse()
    }

    /// `" : "` between a key and its value.
    fileprivate static let colon: StaticString = " : "

    /// Appends the bytes of a literal.
    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append(UnsafeRawBufferPointer($0)) }
    }

    /// Appends one byte.
    private mutating func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        base?[count] = byte
        count += 1
    }

    /// Appends `bytes`.
    private mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base! + count).initialize(from: source.assumingMemoryBound(to: UInt8.self), count: bytes.count)
        count += bytes.count
    }

    /// Starts a field: separator, new line, indentation, then `"key" : `, in one go.
    fileprivate mutating func key(_ key: Key, first: Bool) {
        reserve(2 + depth * 2 + key.text.utf8CodeUnitCount + 5)
        newLine(first: first)
        append(0x22)
        append(key.text)
        append("\" : ")
    }

    /// Ends the previous element (a comma unless this is the `first`), then a new line, indented.
    fileprivate mutating func newLine(first: Bool) {
        let indent = depth * 2
        reserve(2 + indent)
        guard let base else { return }
        if !first {
            base[count] = 0x2C
            count += 1
        }
        base[count] = 0x0A
        (base + count + 1).initialize(repeating: 0x20, count: indent)
        count += 1 + indent
    }

    /// Grows the buffer to hold at least `needed` bytes (doubling, so appends stay amortised O(1)).
    private mutating func grow(to needed: Int) {
        let size = max(needed, capacity * 2, 256)
        guard let grown = realloc(base, size) else { fatalError("JSONWriter: out of memory for \(size) bytes") }
        base = grown.assumingMemoryBound(to: UInt8.self)
        capacity = size
    }
}
