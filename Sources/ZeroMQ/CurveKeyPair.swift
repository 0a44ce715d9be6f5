internal import CZeroMQ

/// A 32-byte CurveZMQ key (public or secret), printable as 40 Z85 characters.
public struct CurveKey: Hashable, Sendable, CustomStringConvertible {
    /// The raw 32 key bytes.
    public let bytes: [UInt8]

    /// Wraps raw key bytes; traps unless there are exactly 32.
    public init(bytes: [UInt8]) {
        precondition(bytes.count == 32, "a CURVE key has 32 bytes, got \(bytes.count)")
        self.bytes = bytes
    }

    /// Decodes a 40-character Z85 key, as printed by `newsbus keygen`.
    public init(z85: String) throws(ZMQError) {
        let text = Array(z85.utf8)
        guard text.count == 40 else {
            throw ZMQError(code: ZMQError.invalidArgument.code, operation: "zmq_z85_decode(\(text.count) characters, need 40)")
        }
        var decoded = [UInt8](repeating: 0, count: 32)
        let ok = decoded.withUnsafeMutableBufferPointer { buffer in
            (text + [0]).withUnsafeBufferPointer { string in
                string.withMemoryRebound(to: CChar.self) { zmq_z85_decode(buffer.baseAddress, $0.baseAddress) != nil }
            }
        }
        guard ok else {
            throw ZMQError(code: ZMQError.invalidArgument.code, operation: "zmq_z85_decode(not a Z85 key)")
        }
        bytes = decoded
    }

    /// The key as 40 Z85 characters.
    public var z85: String {
        var text = [CChar](repeating: 0, count: 41)
        bytes.withUnsafeBufferPointer { key in
            // Cannot fail: 32 is a multiple of 4 and the buffer holds 40 characters plus NUL.
            _ = zmq_z85_encode(&text, key.baseAddress, key.count)
        }
        return String(decoding: text.prefix(40).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The Z85 text; secret keys print too, so keep them out of logs.
    public var description: String { z85 }
}

/// A CurveZMQ long-term key pair.
public struct CurveKeyPair: Hashable, Sendable {
    /// The key peers use to reach or authenticate this side.
    public let publicKey: CurveKey
    /// The key that proves this side's identity; keep it private.
    public let secretKey: CurveKey

    /// Pairs existing keys.
    public init(publicKey: CurveKey, secretKey: CurveKey) {
        self.publicKey = publicKey
        self.secretKey = secretKey
    }

    /// Generates a fresh key pair (`zmq_curve_keypair`).
    public static func generate() throws(ZMQError) -> CurveKeyPair {
        var publicText = [CChar](repeating: 0, count: 41)
        var secretText = [CChar](repeating: 0, count: 41)
        try call("zmq_curve_keypair") { zmq_curve_keypair(&publicText, &secretText) }
        let text = { (chars: [CChar]) in String(decoding: chars.prefix(40).map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        return CurveKeyPair(publicKey: try CurveKey(z85: text(publicText)), secretKey: try CurveKey(z85: text(secretText)))
    }
}

extension CurveKeyPair {
    /// The pair whose secret key is `secretKey`, its public key derived with `zmq_curve_public`.
    public init(secretKey: CurveKey) throws(ZMQError) {
        var publicText = [CChar](repeating: 0, count: 41)
        let secretText = Array(secretKey.z85.utf8CString)
        try call("zmq_curve_public") { zmq_curve_public(&publicText, secretText) }
        let text = String(decoding: publicText.prefix(40).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        self.init(publicKey: try CurveKey(z85: text), secretKey: secretKey)
    }
}
