import Testing
import ZeroMQ

@Suite("Socket round trips")
struct SocketRoundTripTests {
    let context: Context

    init() throws {
        context = try Context()
    }

    @Test("PAIR over inproc carries multipart messages frame for frame, empty frames included")
    func pairInproc() throws {
        let endpoint = "inproc://pair-\(UInt64.random(in: 0...UInt64.max))"
        let server = try Socket(context, type: .pair)
        let client = try Socket(context, type: .pair)
        try server.bind(endpoint)
        try client.connect(endpoint)
        let frames: [[UInt8]] = [[], Array("MDPW02".utf8), [0x01], Array(repeating: 0xAB, count: 10_000)]
        try client.send(frames)
        try server.set(.receiveTimeout(.seconds(5)))
        #expect(try server.receive() == frames)
    }

    @Test("ROUTER and DEALER over tcp://127.0.0.1:0: envelope, routing id and reply")
    func routerDealerTCP() throws {
        let router = try Socket(context, type: .router)
        try router.bind("tcp://127.0.0.1:0")
        let endpoint = try router.lastEndpoint
        #expect(endpoint.hasPrefix("tcp://127.0.0.1:"))
        #expect(!endpoint.hasSuffix(":0"))

        let dealer = try Socket(context, type: .dealer)
        try dealer.set(.routingID(Array("dealer-1".utf8)))
        try dealer.connect(endpoint)
        try router.set(.receiveTimeout(.seconds(5)))
        try dealer.set(.receiveTimeout(.seconds(5)))

        try dealer.send([Array("hello".utf8), [1, 2, 3]])
        let request = try #require(try router.receive())
        #expect(request == [Array("dealer-1".utf8), Array("hello".utf8), [1, 2, 3]])

        try router.send([request[0], Array("world".utf8)])
        #expect(try dealer.receive() == [Array("world".utf8)])
        #expect(try dealer.routingID == Array("dealer-1".utf8))
    }

    @Test("REQ and REP alternate strictly")
    func requestReply() throws {
        let endpoint = "inproc://reqrep-\(UInt64.random(in: 0...UInt64.max))"
        let reply = try Socket(context, type: .reply)
        let request = try Socket(context, type: .request)
        try reply.bind(endpoint)
        try request.connect(endpoint)
        try reply.set(.receiveTimeout(.seconds(5)))
        try request.set(.receiveTimeout(.seconds(5)))
        try request.send([Array("ping".utf8)])
        #expect(try reply.receive() == [Array("ping".utf8)])
        try reply.send([Array("pong".utf8)])
        #expect(try request.receive() == [Array("pong".utf8)])
    }

    @Test("Non-blocking receive returns nil when nothing is queued")
    func nonBlockingReceive() throws {
        let socket = try Socket(context, type: .dealer)
        try socket.bind("inproc://empty-\(UInt64.random(in: 0...UInt64.max))")
        #expect(try socket.receive(dontWait: true) == nil)
    }

    @Test("A receive timeout returns nil instead of blocking forever")
    func receiveTimeout() throws {
        let socket = try Socket(context, type: .dealer)
        try socket.bind("inproc://timeout-\(UInt64.random(in: 0...UInt64.max))")
        try socket.set(.receiveTimeout(.milliseconds(10)))
        #expect(try socket.receive() == nil)
    }

    @Test("A Message is sent without a copy and received into a reused Message")
    func messages() throws {
        let endpoint = "inproc://messages-\(UInt64.random(in: 0...UInt64.max))"
        let server = try Socket(context, type: .pair)
        let client = try Socket(context, type: .pair)
        try server.bind(endpoint)
        try client.connect(endpoint)
        try client.send(Message(bytes: [1, 2]), more: true)
        try client.send(Message(bytes: [3]))
        let message = Message()
        #expect(try server.receive(into: message, dontWait: false))
        let firstBytes = message.bytes
        let firstHasMore = message.hasMore
        #expect(firstBytes == [1, 2])
        #expect(firstHasMore)
        #expect(try server.receive(into: message))
        let secondBytes = message.withUnsafeBytes { Array($0) }
        let secondCount = message.count
        let secondHasMore = message.hasMore
        #expect(secondBytes == [3])
        #expect(secondCount == 1)
        #expect(!secondHasMore)
    }

    @Test("CURVE-encrypted round trip with generated keys")
    func curve() throws {
        let serverKeys = try CurveKeyPair.generate()
        let clientKeys = try CurveKeyPair.generate()
        let router = try Socket(context, type: .router)
        try router.set(.curveServer(true))
        try router.set(.curveSecretKey(serverKeys.secretKey))
        try router.set(.zapDomain("newsbus"))
        try router.bind("tcp://127.0.0.1:0")
        let dealer = try Socket(context, type: .dealer)
        try dealer.set(.curveServerKey(serverKeys.publicKey))
        try dealer.set(.curvePublicKey(clientKeys.publicKey))
        try dealer.set(.curveSecretKey(clientKeys.secretKey))
        try dealer.set(.immediate(true))
        try dealer.set(.sendHighWaterMark(10))
        try dealer.set(.receiveHighWaterMark(10))
        try dealer.connect(try router.lastEndpoint)
        try dealer.send([Array("secret".utf8)])
        try router.set(.receiveTimeout(.seconds(5)))
        let received = try #require(try router.receive())
        #expect(received.last == Array("secret".utf8))
    }
}
