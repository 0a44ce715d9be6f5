import Majordomo
import Testing
import ZeroMQ

/// CurveZMQ on the broker: encrypted traffic, and an allow-list of client keys.
@Suite("Broker with CurveZMQ")
struct BrokerCurveTests {
    let serverKeys: CurveKeyPair
    let allowedKeys: CurveKeyPair
    let strangerKeys: CurveKeyPair

    init() throws {
        serverKeys = try CurveKeyPair.generate()
        allowedKeys = try CurveKeyPair.generate()
        strangerKeys = try CurveKeyPair.generate()
    }

    func harness() throws -> BrokerHarness {
        let curve = CurveServerConfiguration(secretKey: serverKeys.secretKey, allowedClientKeys: [allowedKeys.publicKey])
        return try BrokerHarness(BrokerConfiguration(curve: curve))
    }

    func securePeer(_ harness: BrokerHarness, keys: CurveKeyPair) throws -> Socket {
        let socket = try Socket(harness.context, type: .dealer)
        try socket.set(.curveServerKey(serverKeys.publicKey))
        try socket.set(.curvePublicKey(keys.publicKey))
        try socket.set(.curveSecretKey(keys.secretKey))
        try socket.set(.receiveTimeout(.seconds(10)))
        try socket.connect(harness.endpoint)
        return socket
    }

    @Test("A client whose key is on the allow-list is served over CURVE")
    func allowedClient() throws {
        let harness = try harness()
        let client = try securePeer(harness, keys: allowedKeys)
        try client.send([Wire.client, [0x01], Wire.text("mmi.service"), Wire.text("echo")])
        #expect(try client.receive() == [Wire.client, [0x03], Wire.text("mmi.service"), Wire.text("404")])
    }

    @Test("A client with an unknown key is refused and logged")
    func strangerRefused() throws {
        let harness = try harness()
        let stranger = try securePeer(harness, keys: strangerKeys)
        try stranger.send([Wire.client, [0x01], Wire.text("mmi.service"), Wire.text("echo")])
        #expect(harness.waitForLog("connection refused: CURVE key not allowed"))
        #expect(try stranger.receive(dontWait: true) == nil)
    }

    @Test("ZAP requests: 200 for allowed CURVE keys, 400 for others, 500 for malformed")
    func zapDecisions() {
        let version = Wire.text("1.0")
        let request = { (key: CurveKey) -> [[UInt8]] in
            [version, [7], Wire.text("newsbus"), Wire.text("127.0.0.1"), [], Wire.text("CURVE"), key.bytes]
        }
        let authenticator = ZAPAuthenticatorProbe(allowed: [allowedKeys.publicKey])
        #expect(authenticator.status(request(allowedKeys.publicKey)) == "200")
        #expect(authenticator.status(request(strangerKeys.publicKey)) == "400")
        #expect(authenticator.status([Wire.text("0.9"), [7]]) == "500")
        #expect(authenticator.status([version, [7], [], [], [], Wire.text("PLAIN"), Wire.text("user"), Wire.text("pw")]) == "400")
    }
}

/// Reads the status code out of the authenticator's reply.
struct ZAPAuthenticatorProbe {
    let authenticator: ZAPAuthenticator

    init(allowed: Set<CurveKey>) {
        authenticator = ZAPAuthenticator(allowedKeys: allowed)
    }

    func status(_ request: [[UInt8]]) -> String {
        String(decoding: authenticator.decide(request).reply[2], as: UTF8.self)
    }
}
