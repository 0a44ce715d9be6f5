/// Reads the frames of one MDP command in order, turning a short message into a typed error.
struct FrameReader {
    private var frames: ArraySlice<[UInt8]>
    /// The command being read, for error messages (e.g. "worker REQUEST").
    var command: String

    /// Reads `frames`, naming `command` in errors.
    init(_ frames: ArraySlice<[UInt8]>, command: String) {
        self.frames = frames
        self.command = command
    }

    /// The next frame, called `name` in errors.
    mutating func next(_ name: String) throws(MDPError) -> [UInt8] {
        guard let frame = frames.popFirst() else { throw .missingFrame(command: command, frame: name) }
        return frame
    }

    /// The next frame, which must be the empty envelope delimiter.
    mutating func delimiter(after name: String) throws(MDPError) {
        let frame = try next("empty delimiter")
        guard frame.isEmpty else {
            throw .malformedFrame(reason: "\(command) needs an empty frame after the \(name), got \(frame.count) bytes")
        }
    }

    /// A service name frame.
    mutating func serviceName() throws(MDPError) -> ServiceName {
        try ServiceName(validating: next("service name"))
    }

    /// A client address frame (non-empty).
    mutating func clientAddress() throws(MDPError) -> PeerIdentity {
        let frame = try next("client address")
        guard !frame.isEmpty else {
            throw .malformedFrame(reason: "\(command) has an empty client address")
        }
        return PeerIdentity(frame)
    }

    /// Every frame left (a body may be empty).
    mutating func rest() -> [[UInt8]] {
        defer { frames = [] }
        return Array(frames)
    }

    /// Throws unless every frame has been read.
    func end() throws(MDPError) {
        guard frames.isEmpty else { throw .unexpectedFrames(command: command, count: frames.count) }
    }
}

/// The protocol a message claims, from its header frame.
enum ProtocolHeader {
    case client
    case worker

    /// Reads the dialect prefix and header of `frames` (no ROUTER envelope).
    static func read(_ frames: ArraySlice<[UInt8]>) throws(MDPError) -> (Dialect, ProtocolHeader, ArraySlice<[UInt8]>) {
        let (dialect, rest) = Dialect.detect(frames)
        guard let header = rest.first else {
            throw frames.isEmpty ? .noFrames : .missingFrame(command: "message", frame: "protocol header")
        }
        switch header {
        case MDPConstants.clientHeader: return (dialect, .client, rest.dropFirst())
        case MDPConstants.workerHeader: return (dialect, .worker, rest.dropFirst())
        default: throw .unknownHeader(header)
        }
    }

    /// The single command byte that starts `frames`.
    static func commandByte(_ frames: inout ArraySlice<[UInt8]>, header: String) throws(MDPError) -> UInt8 {
        guard let command = frames.popFirst() else { throw .missingFrame(command: header, frame: "command") }
        guard command.count == 1, let byte = command.first else { throw .unknownCommand(header: header, command: command) }
        return byte
    }
}
