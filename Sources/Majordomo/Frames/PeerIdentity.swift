/// The routing id a ROUTER socket gives a connected peer (a worker or a client).
///
/// It is the first frame of every message the broker receives, the address it sends replies
/// to, and the "client address" frame inside worker REQUEST, PARTIAL and FINAL commands.
public struct PeerIdentity: Hashable, Sendable, CustomStringConvertible {
    /// The routing id bytes (libzmq's generated ids are 5 bytes starting with 0x00).
    public let bytes: [UInt8]

    /// Wraps routing id bytes.
    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Hashes the bytes in one go (the broker looks workers up by id for every message;
    /// `Array`'s own hash feeds the hasher one byte at a time). Equal ids hash equally.
    public func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    /// Printable ids as text, others as hex, for logs.
    public var description: String {
        if !bytes.isEmpty, bytes.allSatisfy({ (0x21...0x7E).contains($0) }) {
            return String(decoding: bytes, as: UTF8.self)
        }
        let digits = Array("0123456789abcdef".utf8)
        return "0x" + String(decoding: bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]] }, as: UTF8.self)
    }
}
