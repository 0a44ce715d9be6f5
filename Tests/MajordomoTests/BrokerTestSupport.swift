public import Majordomo

/// A point in manual time for the broker state machine: tests move it by hand.
struct TestInstant: InstantProtocol {
    var offset: Duration

    static let zero = TestInstant(offset: .zero)

    func advanced(by duration: Duration) -> TestInstant {
        TestInstant(offset: offset + duration)
    }

    func duration(to other: TestInstant) -> Duration {
        other.offset - offset
    }

    static func < (lhs: TestInstant, rhs: TestInstant) -> Bool {
        lhs.offset < rhs.offset
    }
}

/// Shorthands that let state machine tests read like the RFC.
extension BrokerStateMachine where Instant == TestInstant {
    /// A worker command arriving from `peer`.
    mutating func worker(
        _ peer: PeerIdentity, _ command: WorkerCommand, _ dialect: Dialect = .rfc18, at now: TestInstant = .zero
    ) -> [BrokerAction] {
        receive(BrokerInbound(sender: peer, dialect: dialect, content: .worker(command)), now: now)
    }

    /// A client request arriving from `peer`.
    mutating func client(
        _ peer: PeerIdentity, _ service: ServiceName, _ body: [[UInt8]], _ dialect: Dialect = .rfc18,
        at now: TestInstant = .zero
    ) -> [BrokerAction] {
        receive(
            BrokerInbound(sender: peer, dialect: dialect, content: .client(ClientRequest(service: service, body: body))),
            now: now)
    }
}

extension PeerIdentity: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        self.init(Array(value.utf8))
    }
}

extension [UInt8] {
    /// The UTF-8 bytes of `text`.
    static func text(_ text: String) -> [UInt8] {
        Array(text.utf8)
    }
}

/// A client FINAL carrying `body` from `service`.
func final(_ service: ServiceName, _ body: [[UInt8]]) -> ClientReply {
    ClientReply(kind: .final, service: service, body: body)
}
