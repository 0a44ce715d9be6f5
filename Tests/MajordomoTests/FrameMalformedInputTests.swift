import Majordomo
import Testing

/// Malformed input of every kind is a typed `MDPError`, never a crash.
@Suite("MDP 0.2 malformed frames")
struct FrameMalformedInputTests {
    static let w: [UInt8] = Array("MDPW02".utf8)
    static let c: [UInt8] = Array("MDPC02".utf8)
    static let id: [UInt8] = [0x00, 0x01, 0x02, 0x03, 0x04]

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let routerFrames: [[UInt8]]
        let error: MDPError
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "no frames", routerFrames: [], error: .noFrames),
        Case(name: "routing id only", routerFrames: [id], error: .noFrames),
        Case(name: "empty routing id before a valid READY", routerFrames: [[], w, [0x01], Array("echo".utf8)],
             error: .malformedFrame(reason: "the routing id frame is empty; a ROUTER socket always names the sender")),
        Case(name: "empty routing id before a valid client REQUEST", routerFrames: [[], [], c, [0x02], Array("echo".utf8)],
             error: .malformedFrame(reason: "the routing id frame is empty; a ROUTER socket always names the sender")),
        Case(name: "empty frame only", routerFrames: [id, []],
             error: .missingFrame(command: "message", frame: "protocol header")),
        Case(name: "wrong header", routerFrames: [id, Array("MDPW01".utf8), [0x01]],
             error: .unknownHeader(Array("MDPW01".utf8))),
        Case(name: "garbage", routerFrames: [id, [0xDE, 0xAD, 0xBE, 0xEF]], error: .unknownHeader([0xDE, 0xAD, 0xBE, 0xEF])),
        Case(name: "header without command", routerFrames: [id, w], error: .missingFrame(command: "MDPW02", frame: "command")),
        Case(name: "unknown worker command", routerFrames: [id, w, [0x07]],
             error: .unknownCommand(header: "MDPW02", command: [0x07])),
        Case(name: "two-byte command", routerFrames: [id, w, [0x01, 0x01]],
             error: .unknownCommand(header: "MDPW02", command: [0x01, 0x01])),
        Case(name: "READY without service", routerFrames: [id, w, [0x01]],
             error: .missingFrame(command: "worker READY", frame: "service name")),
        Case(name: "READY with empty service", routerFrames: [id, w, [0x01], []], error: .emptyServiceName),
        Case(name: "READY with extra frames", routerFrames: [id, w, [0x01], Array("echo".utf8), [1]],
             error: .unexpectedFrames(command: "worker READY", count: 1)),
        Case(name: "HEARTBEAT with extra frames", routerFrames: [id, w, [0x05], [1], [2]],
             error: .unexpectedFrames(command: "worker HEARTBEAT", count: 2)),
        Case(name: "FINAL without client", routerFrames: [id, w, [0x04]],
             error: .missingFrame(command: "worker FINAL", frame: "client address")),
        Case(name: "FINAL without delimiter", routerFrames: [id, w, [0x04], id],
             error: .missingFrame(command: "worker FINAL", frame: "empty delimiter")),
        Case(name: "FINAL with non-empty delimiter", routerFrames: [id, w, [0x04], id, [1], [2]],
             error: .malformedFrame(reason: "worker FINAL needs an empty frame after the client address, got 1 bytes")),
        Case(name: "FINAL with empty client address", routerFrames: [id, w, [0x04], [], []],
             error: .malformedFrame(reason: "worker FINAL has an empty client address")),
        Case(name: "client REQUEST without service", routerFrames: [id, c, [0x01]],
             error: .missingFrame(command: "client REQUEST", frame: "service name")),
        Case(name: "client REQUEST with empty service", routerFrames: [id, c, [0x01], [], [1]], error: .emptyServiceName),
        Case(name: "client FINAL sent to the broker", routerFrames: [id, c, [0x03], Array("echo".utf8)],
             error: .unknownCommand(header: "MDPC02", command: [0x03])),
        Case(name: "majortomo REQUEST number in RFC 18 framing is PARTIAL",
             routerFrames: [id, c, [0x02], Array("echo".utf8)], error: .unknownCommand(header: "MDPC02", command: [0x02])),
        Case(name: "RFC 18 REQUEST number in majortomo framing", routerFrames: [id, [], c, [0x01], Array("echo".utf8)],
             error: .unknownCommand(header: "MDPC02", command: [0x01])),
        Case(name: "service name too long", routerFrames: [id, c, [0x01], Array(repeating: 0x61, count: 256)],
             error: .serviceNameTooLong(length: 256, limit: 255)),
    ]

    @Test("The broker's parser rejects each malformed message with a typed error", arguments: cases)
    func rejects(_ example: Case) {
        #expect(throws: example.error) { try BrokerInbound.parse(routerFrames: example.routerFrames) }
    }

    @Test("Frames over the configured size and count limits are rejected")
    func limits() {
        let limits = FrameLimits(maximumFrameSize: 8, maximumFrameCount: 5)
        #expect(throws: MDPError.frameTooLarge(index: 3, size: 9, limit: 8)) {
            try BrokerInbound.parse(routerFrames: [Self.id, Self.c, [0x01], Array(repeating: 1, count: 9)], limits: limits)
        }
        #expect(throws: MDPError.tooManyFrames(count: 6, limit: 5)) {
            try BrokerInbound.parse(routerFrames: [Self.id, Self.c, [0x01], [0x61], [1], [2]], limits: limits)
        }
        #expect(throws: MDPError.frameTooLarge(index: 0, size: 9, limit: 8)) {
            try WorkerCommand.parse([Array(repeating: 1, count: 9)], limits: limits)
        }
    }

    @Test("Each side's parser refuses the other protocol's header")
    func wrongSide() {
        #expect(throws: MDPError.unknownHeader(Self.c)) { try WorkerCommand.parse([Self.c, [0x01], [0x61]]) }
        #expect(throws: MDPError.unknownHeader(Self.w)) { try ClientRequest.parse([Self.w, [0x01], [0x61]]) }
        #expect(throws: MDPError.unknownHeader(Self.w)) { try ClientReply.parse([Self.w, [0x04], [0x61]]) }
        #expect(throws: MDPError.unknownCommand(header: "MDPC02", command: [0x01])) {
            try ClientReply.parse([Self.c, [0x01], [0x61]])
        }
    }

    @Test("Errors explain themselves")
    func descriptions() {
        #expect(MDPError.unknownHeader(Array("MDPW01".utf8)).description.contains("\"MDPW01\""))
        #expect(MDPError.unknownCommand(header: "MDPW02", command: [0x07]).description.contains("0x07"))
        #expect(MDPError.missingFrame(command: "worker READY", frame: "service name").description
            == "worker READY is missing its service name frame")
    }
}
