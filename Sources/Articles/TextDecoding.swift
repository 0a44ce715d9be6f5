import Foundation

/// Decodes file bytes into text, naming the line of the first NUL byte or invalid UTF-8 sequence.
enum TextDecoding {
    /// The bytes as a string without a leading byte-order mark. Scans the bytes in place (a
    /// contiguous buffer, not element by element through `Data`'s collection interface).
    static func decode(_ data: Data, path: String) throws(ArticleError) -> String {
        let result: Result<String, ArticleError> = data.withUnsafeBytes { raw in
            var bytes = raw.bindMemory(to: UInt8.self)
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
                bytes = UnsafeBufferPointer(rebasing: bytes.dropFirst(3))
            }
            if let base = bytes.baseAddress, let nul = memchr(base, 0, bytes.count) {
                let offset = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(nul))
                return .failure(.binary(InputLocation(path: path, line: line(of: offset, in: bytes))))
            }
            if let text = String(validating: bytes, as: UTF8.self) {
                return .success(text)
            }
            return .failure(.invalidUTF8(InputLocation(path: path, line: firstInvalidLine(bytes))))
        }
        return try result.get()
    }

    /// 1-based line number of the byte at `offset`.
    static func line(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes[..<offset].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    }

    private static func firstInvalidLine(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var number = 1
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            if String(validating: line, as: UTF8.self) == nil { return number }
            number += 1
        }
        return nil
    }
}
