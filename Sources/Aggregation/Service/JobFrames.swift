/// How `newsbus.jobs` messages travel: one serialized protobuf message cut into frames of at most
/// ``pieceSize`` bytes, so a large submit or report stays under the per-frame size limit the broker
/// and libzmq enforce (16 MiB by default); the receiver joins the frames before decoding.
enum JobFrames {
    /// The largest frame sent: 4 MiB.
    static let pieceSize = 4 << 20

    /// `bytes` cut into frames (one empty frame for empty input).
    static func split(_ bytes: [UInt8]) -> [[UInt8]] {
        guard bytes.count > pieceSize else { return [bytes] }
        return stride(from: 0, to: bytes.count, by: pieceSize).map { start in
            Array(bytes[start..<min(start + pieceSize, bytes.count)])
        }
    }

    /// The frames joined back into one message.
    static func join(_ frames: [[UInt8]]) -> [UInt8] {
        frames.count == 1 ? frames[0] : frames.flatMap { $0 }
    }
}
