/// Appends little-endian binary values to a byte buffer (the model file format).
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    mutating func write(_ value: UInt8) { bytes.append(value) }

    mutating func write(_ value: UInt16) {
        bytes.append(UInt8(truncatingIfNeeded: value))
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
    }

    mutating func write(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    mutating func write(_ value: Float) { write(value.bitPattern) }

    /// An unsigned LEB128 integer.
    mutating func writeVarint(_ value: Int) {
        var remaining = UInt64(value)
        while remaining >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: remaining) | 0x80)
            remaining >>= 7
        }
        bytes.append(UInt8(remaining))
    }

    mutating func write(_ text: String) {
        writeVarint(text.utf8.count)
        bytes.append(contentsOf: text.utf8)
    }
}

/// Reads what `ByteWriter` wrote, throwing `malformedModel` on truncated or inconsistent input.
struct ByteReader {
    private let bytes: [UInt8]
    private var position = 0
    let name: String

    init(_ bytes: [UInt8], name: String) {
        self.bytes = bytes
        self.name = name
    }

    var isAtEnd: Bool { position == bytes.count }

    /// Bytes not read yet.
    var remaining: Int { bytes.count - position }

    /// Reads a count of items that take at least `itemSize` bytes each, rejecting counts the
    /// rest of the input cannot hold (so a corrupt file cannot make us allocate gigabytes).
    mutating func readCount(itemSize: Int) throws(ExtractionError) -> Int {
        let count = try readVarint()
        guard count <= remaining / max(1, itemSize) else {
            throw failure("count \(count) exceeds the \(remaining) bytes left")
        }
        return count
    }

    func failure(_ reason: String) -> ExtractionError {
        .malformedModel(name: name, reason: reason)
    }

    mutating func readByte() throws(ExtractionError) -> UInt8 {
        guard position < bytes.count else { throw failure("truncated at byte \(position)") }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func readUInt16() throws(ExtractionError) -> UInt16 {
        let low = UInt16(try readByte())
        return low | UInt16(try readByte()) << 8
    }

    mutating func readUInt32() throws(ExtractionError) -> UInt32 {
        var value: UInt32 = 0
        for shift in stride(from: 0, to: 32, by: 8) { value |= UInt32(try readByte()) << UInt32(shift) }
        return value
    }

    mutating func readFloat() throws(ExtractionError) -> Float { Float(bitPattern: try readUInt32()) }

    mutating func readVarint() throws(ExtractionError) -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try readByte()
            value |= UInt64(byte & 0x7f) << shift
            if byte < 0x80 { break }
            shift += 7
            guard shift < 63 else { throw failure("varint too long at byte \(position)") }
        }
        guard value <= UInt64(Int32.max) else { throw failure("count \(value) out of range at byte \(position)") }
        return Int(value)
    }

    /// Where the next read starts.
    var offset: Int { position }

    /// Hands `body` the unread bytes; it returns how many it used, and reading goes on after them.
    mutating func consume(_ body: (UnsafeBufferPointer<UInt8>) throws(ExtractionError) -> Int) throws(ExtractionError) {
        let start = position
        let used = try bytes.withUnsafeBufferPointer { all throws(ExtractionError) in
            try body(UnsafeBufferPointer(rebasing: all[start...]))
        }
        precondition((0...(bytes.count - start)).contains(used), "consumed more bytes than there were")
        position += used
    }

    mutating func readString() throws(ExtractionError) -> String {
        let length = try readVarint()
        guard length <= bytes.count - position else { throw failure("string runs past the end at byte \(position)") }
        defer { position += length }
        return String(decoding: bytes[position..<(position + length)], as: UTF8.self)
    }
}
