/// An MDP/Client PARTIAL or FINAL (broker → client): one part of the answer to a request.
///
/// RFC 18: "MDPC02", 0x02 (PARTIAL) or 0x03 (FINAL), service name, body frames. majortomo
/// dialect: empty, "MDPC02", 0x03 or 0x04, body frames, with no service name frame.
/// ``parse(_:limits:)`` and ``frames(dialect:)`` are mirror images.
public struct ClientReply: Hashable, Sendable {
    /// Whether more parts follow.
    public enum Kind: Hashable, Sendable {
        /// PARTIAL: more parts follow.
        case partial
        /// FINAL: the last part.
        case final
    }

    /// PARTIAL or FINAL.
    public var kind: Kind
    /// The service that answered; `nil` only when parsed from the majortomo dialect, which
    /// does not send it.
    public var service: ServiceName?
    /// The reply body, as the worker sent it (or a broker status, see ``BrokerStatusReply``).
    public var body: [[UInt8]]

    /// A reply part from `service`.
    public init(kind: Kind, service: ServiceName?, body: [[UInt8]]) {
        self.kind = kind
        self.service = service
        self.body = body
    }

    /// Parses a reply as a client's DEALER socket receives it.
    public static func parse(_ frames: [[UInt8]], limits: FrameLimits = FrameLimits()) throws(MDPError) -> (Dialect, ClientReply) {
        try limits.check(frames)
        var (dialect, header, rest) = try ProtocolHeader.read(frames[...])
        guard header == .client else { throw .unknownHeader(MDPConstants.workerHeader) }
        let byte = try ProtocolHeader.commandByte(&rest, header: "MDPC02")
        let kind: Kind
        switch MDPConstants.ClientCode(byte: byte, in: dialect) {
        case .partial: kind = .partial
        case .final: kind = .final
        case .request, nil: throw .unknownCommand(header: "MDPC02", command: [byte])
        }
        var reader = FrameReader(rest, command: kind == .final ? "client FINAL" : "client PARTIAL")
        let service = dialect == .rfc18 ? try reader.serviceName() : nil
        return (dialect, ClientReply(kind: kind, service: service, body: reader.rest()))
    }

    /// The frames of this reply in `dialect`. RFC 18 needs ``service``; it is a programming
    /// error to serialize a reply without one in that dialect.
    public func frames(dialect: Dialect) -> [[UInt8]] {
        var frames: [[UInt8]] = []
        append(to: &frames, dialect: dialect)
        return frames
    }

    /// Appends the frames of this reply in `dialect` to `frames` (after a ROUTER envelope, say).
    public func append(to frames: inout [[UInt8]], dialect: Dialect) {
        let code: MDPConstants.ClientCode = kind == .final ? .final : .partial
        if dialect == .majortomo { frames.append([]) }
        frames.append(MDPConstants.clientHeader)
        frames.append(MDPConstants.commandFrames[Int(code.byte(in: dialect))])
        if dialect == .rfc18 {
            guard let service else { preconditionFailure("an RFC 18 client reply names its service") }
            frames.append(service.bytes)
        }
        frames.append(contentsOf: body)
    }
}
