/// The Majordomo Protocol 0.2 wire constants (ZeroMQ RFC 18), in one place for broker, worker
/// and client.
///
/// RFC 18 numbers client commands REQUEST 0x01, PARTIAL 0x02, FINAL 0x03. The majortomo dialect
/// (see ``Dialect``) numbers them like the worker commands: REQUEST 0x02, PARTIAL 0x03, FINAL 0x04.
package enum MDPConstants {
    // Written as literals so that the optimizer emits them as static, immortal arrays: every
    // message sent or received shares them, and retaining an immortal array writes nothing, so
    // threads of one process (broker, workers and clients in `newsbus run`) do not fight over
    // their reference counts' cache line.

    /// First frame of every client message: "MDPC02".
    package static let clientHeader: [UInt8] = [0x4D, 0x44, 0x50, 0x43, 0x30, 0x32]
    /// First frame of every worker message: "MDPW02".
    package static let workerHeader: [UInt8] = [0x4D, 0x44, 0x50, 0x57, 0x30, 0x32]
    /// One-byte command frames 0x00…0x06, shared so serializing a command allocates nothing.
    package static let commandFrames: [[UInt8]] = [[0x00], [0x01], [0x02], [0x03], [0x04], [0x05], [0x06]]

    /// Services whose names start with this are answered by the broker itself (RFC 8): "mmi.".
    package static let managementPrefix: [UInt8] = [0x6D, 0x6D, 0x69, 0x2E]

    /// Worker command bytes (both dialects).
    package enum WorkerCode: UInt8, Sendable {
        /// Worker → broker: "I serve this service".
        case ready = 0x01
        /// Broker → worker: a client request.
        case request = 0x02
        /// Worker → broker: part of a reply.
        case partial = 0x03
        /// Worker → broker: the last part of a reply; the worker is idle again.
        case final = 0x04
        /// Both ways: "I am alive".
        case heartbeat = 0x05
        /// Both ways: "forget me" / "go away".
        case disconnect = 0x06
    }

    /// Client commands, whose bytes depend on the dialect.
    package enum ClientCode: Sendable {
        /// Client → broker.
        case request
        /// Broker → client: part of a reply.
        case partial
        /// Broker → client: the last part of a reply.
        case final

        /// The command byte in `dialect`.
        package func byte(in dialect: Dialect) -> UInt8 {
            let rfc18: UInt8 =
                switch self {
                case .request: 0x01
                case .partial: 0x02
                case .final: 0x03
                }
            return dialect == .rfc18 ? rfc18 : rfc18 + 1
        }

        /// The command a byte stands for in `dialect`, if any.
        package init?(byte: UInt8, in dialect: Dialect) {
            // RFC 18 numbers them 1, 2, 3; majortomo one higher.
            switch dialect == .rfc18 ? byte : byte &- 1 {
            case 0x01: self = .request
            case 0x02: self = .partial
            case 0x03: self = .final
            default: return nil
            }
        }
    }
}
