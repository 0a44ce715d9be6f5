/// The name of an MDP service, such as `newsbus.extract`: 1 to 255 bytes, normally ASCII.
public struct ServiceName: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The longest name accepted, in bytes.
    public static let maximumLength = 255

    /// The name as sent on the wire.
    public let bytes: [UInt8]

    /// Hashes the bytes in one go (looked up for every request; `Array`'s own hash feeds the
    /// hasher one byte at a time). Equal names hash equally.
    public func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    /// Validates a name received from the network.
    public init(validating bytes: [UInt8]) throws(MDPError) {
        guard !bytes.isEmpty else { throw .emptyServiceName }
        guard bytes.count <= Self.maximumLength else {
            throw .serviceNameTooLong(length: bytes.count, limit: Self.maximumLength)
        }
        self.bytes = bytes
    }

    /// Validates a name given as text.
    public init(_ name: String) throws(MDPError) {
        try self.init(validating: Array(name.utf8))
    }

    /// A name written in code; traps if it is empty or too long (a programming error).
    public init(stringLiteral value: String) {
        do {
            try self.init(value)
        } catch {
            preconditionFailure("invalid service name literal '\(value)': \(error)")
        }
    }

    /// True for `mmi.*` names, which the broker answers itself (RFC 8).
    public var isManagement: Bool {
        bytes.starts(with: MDPConstants.managementPrefix)
    }

    /// The name as text (invalid UTF-8 replaced).
    public var description: String {
        String(decoding: bytes, as: UTF8.self)
    }
}
