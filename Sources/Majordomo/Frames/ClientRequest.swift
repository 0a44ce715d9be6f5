/// An MDP/Client REQUEST (client → broker): the service to call and the request body.
///
/// RFC 18: "MDPC02", 0x01, service name, body frames. majortomo dialect: empty, "MDPC02", 0x02,
/// service name, body frames. ``parse(_:limits:)`` and ``frames(dialect:)`` are mirror images.
public struct ClientRequest: Hashable, Sendable {
    /// The service that should answer.
    public var service: ServiceName
    /// The request body, passed to the worker untouched (may be empty).
    public var body: [[UInt8]]

    /// A request for `service` carrying `body`.
    public init(service: ServiceName, body: [[UInt8]]) {
        self.service = service
        self.body = body
    }

    /// Parses a client request as a DEALER socket would send it (no ROUTER envelope).
    public static func parse(_ frames: [[UInt8]], limits: FrameLimits = FrameLimits()) throws(MDPError) -> (Dialect, ClientRequest) {
        try limits.check(frames)
        let (dialect, header, rest) = try ProtocolHeader.read(frames[...])
        guard header == .client else { throw .unknownHeader(MDPConstants.workerHeader) }
        return (dialect, try parseCommand(rest, dialect: dialect))
    }

    /// Parses the frames after the "MDPC02" header.
    static func parseCommand(_ frames: ArraySlice<[UInt8]>, dialect: Dialect) throws(MDPError) -> ClientRequest {
        var frames = frames
        let byte = try ProtocolHeader.commandByte(&frames, header: "MDPC02")
        guard MDPConstants.ClientCode(byte: byte, in: dialect) == .request else {
            // PARTIAL and FINAL only ever go from broker to client.
            throw .unknownCommand(header: "MDPC02", command: [byte])
        }
        var reader = FrameReader(frames, command: "client REQUEST")
        let service = try reader.serviceName()
        return ClientRequest(service: service, body: reader.rest())
    }

    /// The frames of this request in `dialect`.
    public func frames(dialect: Dialect) -> [[UInt8]] {
        var frames: [[UInt8]] = []
        frames.reserveCapacity(4 + body.count)
        append(to: &frames, dialect: dialect)
        return frames
    }

    /// Appends the frames of this request in `dialect` to `frames`, without building
    /// intermediate arrays (the command byte is a shared constant frame).
    public func append(to frames: inout [[UInt8]], dialect: Dialect) {
        if dialect == .majortomo { frames.append([]) }
        frames.append(MDPConstants.clientHeader)
        frames.append(MDPConstants.commandFrames[Int(MDPConstants.ClientCode.request.byte(in: dialect))])
        frames.append(service.bytes)
        frames.append(contentsOf: body)
    }
}
