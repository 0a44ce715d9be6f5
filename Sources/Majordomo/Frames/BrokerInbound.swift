/// A message as the broker's ROUTER socket receives it, parsed once: who sent it, in which
/// dialect, and what it says.
public struct BrokerInbound: Hashable, Sendable {
    /// What the message is.
    public enum Content: Hashable, Sendable {
        /// A worker command ("MDPW02").
        case worker(WorkerCommand)
        /// A client request ("MDPC02").
        case client(ClientRequest)
    }

    /// The peer's routing id (the ROUTER envelope frame).
    public var sender: PeerIdentity
    /// The dialect the peer spoke, to answer in.
    public var dialect: Dialect
    /// The command or request.
    public var content: Content

    /// A parsed message.
    public init(sender: PeerIdentity, dialect: Dialect, content: Content) {
        self.sender = sender
        self.dialect = dialect
        self.content = content
    }

    /// Parses `frames` as received from a ROUTER socket: the routing id frame, then the
    /// MDP message in either dialect. An empty routing id is refused: libzmq never makes one,
    /// and the broker could not address a reply to it.
    public static func parse(routerFrames frames: [[UInt8]], limits: FrameLimits = FrameLimits()) throws(MDPError) -> BrokerInbound {
        try limits.check(frames)
        guard let identity = frames.first else { throw .noFrames }
        guard !identity.isEmpty else {
            throw .malformedFrame(reason: "the routing id frame is empty; a ROUTER socket always names the sender")
        }
        let (dialect, header, rest) = try ProtocolHeader.read(frames.dropFirst())
        let content: Content
        switch header {
        case .worker: content = .worker(try WorkerCommand.parseCommand(rest))
        case .client: content = .client(try ClientRequest.parseCommand(rest, dialect: dialect))
        }
        return BrokerInbound(sender: PeerIdentity(identity), dialect: dialect, content: content)
    }
}
