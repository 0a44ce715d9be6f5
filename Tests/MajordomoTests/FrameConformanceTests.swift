import Majordomo
import Testing

/// Every MDP 0.2 command, byte for byte, in both dialects and both directions: parsing the
/// bytes gives the value, and serializing the value gives the bytes back.
@Suite("MDP 0.2 frame conformance")
struct FrameConformanceTests {
    static let w: [UInt8] = Array("MDPW02".utf8)
    static let c: [UInt8] = Array("MDPC02".utf8)
    static let echo: [UInt8] = Array("echo".utf8)
    static let client: [UInt8] = [0x00, 0x6B, 0x8B, 0x45, 0x67]
    static let body: [[UInt8]] = [Array("hello".utf8), [0x00, 0xFF]]

    struct WorkerCase: Sendable, CustomTestStringConvertible {
        let name: String
        let dialect: Dialect
        let frames: [[UInt8]]
        let command: WorkerCommand
        var testDescription: String { "\(name) (\(dialect))" }
    }

    static let workerCases: [WorkerCase] = Dialect.allCases.flatMap { dialect -> [WorkerCase] in
        let lead: [[UInt8]] = dialect == .majortomo ? [[]] : []
        let address = PeerIdentity(client)
        return [
            WorkerCase(name: "READY", dialect: dialect, frames: lead + [w, [0x01], echo], command: .ready("echo")),
            WorkerCase(
                name: "REQUEST", dialect: dialect, frames: lead + [w, [0x02], client, []] + body,
                command: .request(client: address, body: body)),
            WorkerCase(
                name: "REQUEST with empty body", dialect: dialect, frames: lead + [w, [0x02], client, []],
                command: .request(client: address, body: [])),
            WorkerCase(
                name: "PARTIAL", dialect: dialect, frames: lead + [w, [0x03], client, []] + body,
                command: .partial(client: address, body: body)),
            WorkerCase(
                name: "FINAL", dialect: dialect, frames: lead + [w, [0x04], client, [], [0x2A]],
                command: .final(client: address, body: [[0x2A]])),
            WorkerCase(name: "HEARTBEAT", dialect: dialect, frames: lead + [w, [0x05]], command: .heartbeat),
            WorkerCase(name: "DISCONNECT", dialect: dialect, frames: lead + [w, [0x06]], command: .disconnect),
        ]
    }

    @Test("Worker commands parse from and serialize to the exact frames", arguments: workerCases)
    func workerCommand(_ example: WorkerCase) throws {
        let (dialect, command) = try WorkerCommand.parse(example.frames)
        #expect(dialect == example.dialect)
        #expect(command == example.command)
        #expect(example.command.frames(dialect: example.dialect) == example.frames)
    }

    @Test("Client REQUEST: RFC 18 uses 0x01, majortomo a leading empty frame and 0x02")
    func clientRequest() throws {
        let request = ClientRequest(service: "echo", body: Self.body)
        let rfc18: [[UInt8]] = [Self.c, [0x01], Self.echo] + Self.body
        let majortomo: [[UInt8]] = [[], Self.c, [0x02], Self.echo] + Self.body
        #expect(request.frames(dialect: .rfc18) == rfc18)
        #expect(request.frames(dialect: .majortomo) == majortomo)
        #expect(try ClientRequest.parse(rfc18) == (.rfc18, request))
        #expect(try ClientRequest.parse(majortomo) == (.majortomo, request))
    }

    @Test("Client PARTIAL and FINAL: RFC 18 0x02/0x03 with the service, majortomo 0x03/0x04 without")
    func clientReplies() throws {
        let partial = ClientReply(kind: .partial, service: "echo", body: Self.body)
        let final = ClientReply(kind: .final, service: "echo", body: [[0x2A]])
        #expect(partial.frames(dialect: .rfc18) == [Self.c, [0x02], Self.echo] + Self.body)
        #expect(final.frames(dialect: .rfc18) == [Self.c, [0x03], Self.echo, [0x2A]])
        #expect(partial.frames(dialect: .majortomo) == [[], Self.c, [0x03]] + Self.body)
        #expect(final.frames(dialect: .majortomo) == [[], Self.c, [0x04], [0x2A]])

        #expect(try ClientReply.parse([Self.c, [0x02], Self.echo] + Self.body) == (.rfc18, partial))
        #expect(try ClientReply.parse([Self.c, [0x03], Self.echo, [0x2A]]) == (.rfc18, final))
        var anonymous = final
        anonymous.service = nil
        #expect(try ClientReply.parse([[], Self.c, [0x04], [0x2A]]) == (.majortomo, anonymous))
        anonymous.kind = .partial
        #expect(try ClientReply.parse([[], Self.c, [0x03], [0x2A]]) == (.majortomo, anonymous))
    }

    @Test("The broker's ROUTER view: routing id, then either protocol in either dialect")
    func brokerInbound() throws {
        let id = PeerIdentity([0x00, 0x01, 0x02, 0x03, 0x04])
        let ready = try BrokerInbound.parse(routerFrames: [id.bytes, [], Self.w, [0x01], Self.echo])
        #expect(ready == BrokerInbound(sender: id, dialect: .majortomo, content: .worker(.ready("echo"))))
        let request = try BrokerInbound.parse(routerFrames: [id.bytes, Self.c, [0x01], Self.echo, [0x07]])
        #expect(
            request
                == BrokerInbound(
                    sender: id, dialect: .rfc18, content: .client(ClientRequest(service: "echo", body: [[0x07]]))))
    }

    @Test("Broker error replies are two-frame FINAL bodies with a status and a reason")
    func errorReply() {
        let error = BrokerErrorReply(status: .unavailable, reason: "queue full")
        #expect(error.body == [Array("503".utf8), Array("queue full".utf8)])
        #expect(BrokerErrorReply(body: error.body) == error)
        #expect(BrokerErrorReply(body: [Array("200".utf8)]) == nil)
        #expect(BrokerErrorReply(body: [Array("hello".utf8), []]) == nil)
    }

    @Test("The shared constant frames spell RFC 18's headers, command bytes and the mmi. prefix")
    func constants() {
        #expect(MDPConstants.clientHeader == Self.c)
        #expect(MDPConstants.workerHeader == Self.w)
        #expect(MDPConstants.commandFrames == (0...6).map { [UInt8($0)] })
        #expect(MDPConstants.managementPrefix == Array("mmi.".utf8))
    }
}
