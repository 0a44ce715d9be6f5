/// One MDP/Worker command (RFC 18, section "MDP/Worker"), in either direction.
///
/// Worker → broker: ``ready(_:)``, ``partial(client:body:)``, ``final(client:body:)``,
/// ``heartbeat``, ``disconnect``. Broker → worker: ``request(client:body:)``, ``heartbeat``,
/// ``disconnect``. ``parse(_:limits:)`` and ``frames(dialect:)`` are mirror images.
public enum WorkerCommand: Hashable, Sendable {
    /// READY: "MDPW02", 0x01, service name.
    case ready(ServiceName)
    /// REQUEST: "MDPW02", 0x02, client address, empty, body frames.
    case request(client: PeerIdentity, body: [[UInt8]])
    /// PARTIAL: "MDPW02", 0x03, client address, empty, body frames.
    case partial(client: PeerIdentity, body: [[UInt8]])
    /// FINAL: "MDPW02", 0x04, client address, empty, body frames.
    case final(client: PeerIdentity, body: [[UInt8]])
    /// HEARTBEAT: "MDPW02", 0x05.
    case heartbeat
    /// DISCONNECT: "MDPW02", 0x06.
    case disconnect

    /// The command's name in the RFC, e.g. "READY".
    public var name: String {
        switch self {
        case .ready: "READY"
        case .request: "REQUEST"
        case .partial: "PARTIAL"
        case .final: "FINAL"
        case .heartbeat: "HEARTBEAT"
        case .disconnect: "DISCONNECT"
        }
    }

    /// Parses a worker message as a DEALER socket sees it (no ROUTER envelope).
    public static func parse(_ frames: [[UInt8]], limits: FrameLimits = FrameLimits()) throws(MDPError) -> (Dialect, WorkerCommand) {
        try limits.check(frames)
        let (dialect, header, rest) = try ProtocolHeader.read(frames[...])
        guard header == .worker else { throw .unknownHeader(MDPConstants.clientHeader) }
        return (dialect, try parseCommand(rest))
    }

    /// Parses the frames after the "MDPW02" header.
    static func parseCommand(_ frames: ArraySlice<[UInt8]>) throws(MDPError) -> WorkerCommand {
        var frames = frames
        let byte = try ProtocolHeader.commandByte(&frames, header: "MDPW02")
        guard let code = MDPConstants.WorkerCode(rawValue: byte) else {
            throw .unknownCommand(header: "MDPW02", command: [byte])
        }
        var reader = FrameReader(frames, command: code.readerName)
        let command: WorkerCommand
        switch code {
        case .ready:
            command = .ready(try reader.serviceName())
        case .request, .partial, .final:
            let client = try reader.clientAddress()
            try reader.delimiter(after: "client address")
            let body = reader.rest()
            command = code == .request ? .request(client: client, body: body)
                : code == .partial ? .partial(client: client, body: body) : .final(client: client, body: body)
        case .heartbeat:
            command = .heartbeat
        case .disconnect:
            command = .disconnect
        }
        try reader.end()
        return command
    }

    /// The frames of this command in `dialect` (no ROUTER envelope).
    public func frames(dialect: Dialect) -> [[UInt8]] {
        var frames: [[UInt8]] = []
        append(to: &frames, dialect: dialect)
        return frames
    }

    /// Appends the frames of this command in `dialect` to `frames` (after a ROUTER envelope,
    /// say), without building intermediate arrays.
    public func append(to frames: inout [[UInt8]], dialect: Dialect) {
        if dialect == .majortomo { frames.append([]) }
        frames.append(MDPConstants.workerHeader)
        frames.append(MDPConstants.commandFrames[Int(code.rawValue)])
        switch self {
        case .ready(let service):
            frames.append(service.bytes)
        case .request(let client, let body), .partial(let client, let body), .final(let client, let body):
            frames.append(client.bytes)
            frames.append([])
            frames.append(contentsOf: body)
        case .heartbeat, .disconnect:
            break
        }
    }

    private var code: MDPConstants.WorkerCode {
        switch self {
        case .ready: .ready
        case .request: .request
        case .partial: .partial
        case .final: .final
        case .heartbeat: .heartbeat
        case .disconnect: .disconnect
        }
    }
}

extension MDPConstants.WorkerCode: CustomStringConvertible {
    /// The command's name in the RFC.
    package var description: String {
        switch self {
        case .ready: "READY"
        case .request: "REQUEST"
        case .partial: "PARTIAL"
        case .final: "FINAL"
        case .heartbeat: "HEARTBEAT"
        case .disconnect: "DISCONNECT"
        }
    }
}

extension MDPConstants.WorkerCode {
    /// "worker READY" and so on, for parse errors: literals, so parsing builds no string.
    var readerName: String {
        switch self {
        case .ready: "worker READY"
        case .request: "worker REQUEST"
        case .partial: "worker PARTIAL"
        case .final: "worker FINAL"
        case .heartbeat: "worker HEARTBEAT"
        case .disconnect: "worker DISCONNECT"
        }
    }
}

extension WorkerCommand {
    /// How many body frames the command carries.
    var bodyCount: Int {
        switch self {
        case .request(_, let body), .partial(_, let body), .final(_, let body): body.count
        case .ready, .heartbeat, .disconnect: 0
        }
    }
}
