/// Why a message does not follow MDP 0.2, or why the Majordomo layer cannot go on.
///
/// The frame codec throws these for malformed network input; the broker logs them and drops
/// the message, and never traps.
public enum MDPError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A message with no frames at all.
    case noFrames
    /// A message that ended before a frame the command needs.
    case missingFrame(command: String, frame: String)
    /// The protocol header is neither "MDPC02" nor "MDPW02".
    case unknownHeader([UInt8])
    /// The command frame is not a command of that protocol (or not one byte long).
    case unknownCommand(header: String, command: [UInt8])
    /// Frames after the last one the command takes.
    case unexpectedFrames(command: String, count: Int)
    /// A frame bigger than the configured limit.
    case frameTooLarge(index: Int, size: Int, limit: Int)
    /// More frames than the configured limit.
    case tooManyFrames(count: Int, limit: Int)
    /// An empty service name.
    case emptyServiceName
    /// A service name longer than ``ServiceName/maximumLength``.
    case serviceNameTooLong(length: Int, limit: Int)
    /// A frame with the wrong content, e.g. a non-empty delimiter.
    case malformedFrame(reason: String)

    /// What is wrong, and what the sender should do.
    public var description: String {
        switch self {
        case .noFrames:
            "empty message: an MDP message starts with \"MDPC02\" or \"MDPW02\""
        case .missingFrame(let command, let frame):
            "\(command) is missing its \(frame) frame"
        case .unknownHeader(let header):
            "unknown protocol header \(Self.show(header)): expected \"MDPC02\" (client) or \"MDPW02\" (worker), "
                + "optionally after one empty frame"
        case .unknownCommand(let header, let command):
            "unknown \(header) command \(Self.show(command)): expected one command byte of MDP 0.2"
        case .unexpectedFrames(let command, let count):
            "\(command) takes no further frames, got \(count) more"
        case .frameTooLarge(let index, let size, let limit):
            "frame \(index) has \(size) bytes, over the limit of \(limit); send smaller messages or raise the limit"
        case .tooManyFrames(let count, let limit):
            "message has \(count) frames, over the limit of \(limit)"
        case .emptyServiceName:
            "empty service name: name the service, e.g. \"newsbus.extract\""
        case .serviceNameTooLong(let length, let limit):
            "service name of \(length) bytes is longer than \(limit)"
        case .malformedFrame(let reason):
            "malformed frame: \(reason)"
        }
    }

    /// Short frames as quoted text or hex, long ones by size.
    private static func show(_ bytes: [UInt8]) -> String {
        guard bytes.count <= 16 else { return "(\(bytes.count) bytes)" }
        if bytes.allSatisfy({ (0x20...0x7E).contains($0) }) {
            return "\"" + String(decoding: bytes, as: UTF8.self) + "\""
        }
        return "0x" + bytes.map { String($0, radix: 16, uppercase: false).leftPadded() }.joined()
    }
}

extension String {
    fileprivate func leftPadded() -> String {
        count < 2 ? "0" + self : self
    }
}
