import Foundation

/// Decodes file bytes into text, naming the line of the first NUL byte or invalid UTF-8 sequence.
enum TextDecoding {
    /// The bytes as a string without a leading byte-order mark.
    static func decode(_ data: Data, path: String) throws(ArticleError) -> String {
        try validated(data, path: path) { bytes in String(decoding: bytes, as: UTF8.self) }
    }

    /// `body`'s result on the bytes without a leading byte-order mark, once they are checked to be
    /// UTF-8 without NUL. Scans the bytes in place (a contiguous buffer, not element by element
    /// through `Data`'s collection interface).
    static func validated<Result>(
        _ data: Data, path: String, _ body: (UnsafeBufferPointer<UInt8>) throws(ArticleError) -> Result
    ) throws(ArticleError) -> Result {
        let result: Swift.Result<Result, ArticleError> = data.withUnsafeBytes { raw in
            var bytes = raw.bindMemory(to: UInt8.self)
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
                bytes = UnsafeBufferPointer(rebasing: bytes.dropFirst(3))
            }
            if let base = bytes.baseAddress, let nul = memchr(base, 0, bytes.count) {
                let offset = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(nul))
                return .failure(.binary(InputLocation(path: path, line: line(of: offset, in: bytes))))
            }
            guard String(validating: bytes, as: UTF8.self) != nil else {
                return .failure(.invalidUTF8(InputLocation(path: path, line: firstInvalidLine(bytes))))
            }
            return Swift.Result { () throws(ArticleError) in try body(bytes) }
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
