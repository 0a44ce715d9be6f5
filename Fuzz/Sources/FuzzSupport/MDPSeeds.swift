public import Majordomo

/// Valid MDP messages of every command in both dialects, for the frame and broker seed corpora.
public enum MDPSeeds {
    /// A service every seed talks about.
    public static let service: ServiceName = "echo"
    /// A worker's ROUTER routing id.
    public static let worker = PeerIdentity(Array("W1".utf8))
    /// A client's ROUTER routing id.
    public static let client = PeerIdentity(Array("C1".utf8))

    /// Every worker command, named (no ROUTER envelope).
    public static var workerCommands: [(name: String, command: WorkerCommand)] {
        [
            ("ready", .ready(service)),
            ("request", .request(client: client, body: [Array("hello".utf8)])),
            ("partial", .partial(client: client, body: [Array("part".utf8), []])),
            ("final", .final(client: client, body: [Array("done".utf8)])),
            ("final-empty-body", .final(client: client, body: [])),
            ("heartbeat", .heartbeat),
            ("disconnect", .disconnect),
        ]
    }

    /// Client requests (to a service and to `mmi.service`).
    public static var clientRequests: [(name: String, request: ClientRequest)] {
        [
            ("request", ClientRequest(service: service, body: [Array("hello".utf8)])),
            ("request-two-frames", ClientRequest(service: service, body: [Array("a".utf8), []])),
            ("mmi-service", ClientRequest(service: "mmi.service", body: [service.bytes])),
        ]
    }

    /// Replies a client receives, including a broker error.
    public static var clientReplies: [(name: String, reply: ClientReply)] {
        [
            ("partial", ClientReply(kind: .partial, service: service, body: [Array("part".utf8)])),
            ("final", ClientReply(kind: .final, service: service, body: [Array("done".utf8)])),
            (
                "error-503",
                ClientReply(
                    kind: .final, service: service,
                    body: BrokerErrorReply(status: .unavailable, reason: "no worker").body)
            ),
        ]
    }

    /// `name` and frames of every seed message, as a DEALER sends or receives it.
    public static var dealerMessages: [(name: String, frames: [[UInt8]])] {
        Dialect.allCases.flatMap { dialect in
            let tag = dialect == .rfc18 ? "rfc18" : "majortomo"
            return workerCommands.map { ("worker-\($0.name)-\(tag)", $0.command.frames(dialect: dialect)) }
                + clientRequests.map { ("client-\($0.name)-\(tag)", $0.request.frames(dialect: dialect)) }
                + clientReplies.map { ("reply-\($0.name)-\(tag)", $0.reply.frames(dialect: dialect)) }
        }
    }
}
