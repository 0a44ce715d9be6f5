package import ZeroMQ

/// Answers ZAP requests (ZeroMQ RFC 27) from libzmq for CURVE connections: "200" for client
/// keys on the allow-list, "400" for the rest.
///
/// libzmq asks over a REP socket bound to `inproc://zeromq.zap.01` in the broker's context;
/// the broker loop polls that socket with its ROUTER, so no extra thread is needed.
package struct ZAPAuthenticator {
    /// The endpoint libzmq sends ZAP requests to.
    package static let endpoint = "inproc://zeromq.zap.01"

    /// Public keys allowed to connect.
    package let allowedKeys: Set<CurveKey>

    /// Admits exactly `allowedKeys`.
    package init(allowedKeys: Set<CurveKey>) {
        self.allowedKeys = allowedKeys
    }

    /// The decision for one request.
    package struct Decision: Equatable {
        /// The reply frames for libzmq.
        package let reply: [[UInt8]]
        /// Whether the peer was admitted.
        package let admitted: Bool
    }

    /// The reply to `request`: version, request id, domain, address, routing id, mechanism,
    /// credentials → version, request id, status code, status text, user id, metadata.
    package func decide(_ request: [[UInt8]]) -> Decision {
        let version: [UInt8] = Array("1.0".utf8)
        guard request.count >= 6, request[0] == version else {
            let id = request.count > 1 ? request[1] : []
            return Decision(reply: [version, id, Array("500".utf8), Array("malformed ZAP request".utf8), [], []], admitted: false)
        }
        let mechanism = String(decoding: request[5], as: UTF8.self)
        if mechanism == "CURVE", request.count >= 7, request[6].count == 32, allowedKeys.contains(CurveKey(bytes: request[6])) {
            return Decision(reply: [version, request[1], Array("200".utf8), Array("OK".utf8), [], []], admitted: true)
        }
        return Decision(
            reply: [version, request[1], Array("400".utf8), Array("client key not on the allow-list".utf8), [], []],
            admitted: false)
    }
}
