/// Turns one fuzz input into several pieces (frames, messages, records).
public enum InputSplitting {
    /// Separates the frames of one message.
    public static let frameSeparator: UInt8 = 0xFF
    /// Separates whole messages in a sequence.
    public static let messageSeparator: UInt8 = 0xFE

    /// `bytes` cut at every `separator` (empty pieces kept: an empty frame is meaningful).
    public static func split(_ bytes: some Collection<UInt8>, on separator: UInt8) -> [[UInt8]] {
        bytes.split(separator: separator, omittingEmptySubsequences: false).map { Array($0) }
    }

    /// The inverse of ``split(_:on:)``: pieces joined with `separator`, for writing seeds.
    public static func join(_ pieces: [[UInt8]], with separator: UInt8) -> [UInt8] {
        Array(pieces.joined(separator: [separator]))
    }

    /// Traps with `message` (so libFuzzer records the input) unless `condition` holds.
    public static func check(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fatalError("fuzz invariant broken: \(message())") }
    }
}
