import Foundation

/// Decodes file bytes into text, naming the line of the first NUL byte or invalid UTF-8 sequence.
enum TextDecoding {
    /// The bytes as a string without a leading byte-order mark.
    static func decode(_ data: Data, path: String) throws(ArticleError) -> String {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes = bytes.dropFirst(3)
        }
        if let nul = bytes.firstIndex(of: 0) {
            throw .binary(InputLocation(path: path, line: line(of: nul, in: bytes)))
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return text
        }
        throw .invalidUTF8(InputLocation(path: path, line: firstInvalidLine(bytes)))
    }

    /// 1-based line number of byte `index`.
    static func line(of index: Data.Index, in bytes: Data.SubSequence) -> Int {
        bytes[bytes.startIndex..<index].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    }

    private static func firstInvalidLine(_ bytes: Data.SubSequence) -> Int? {
        var number = 1
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            if String(validating: line, as: UTF8.self) == nil { return number }
            number += 1
        }
        return nil
    }
}
