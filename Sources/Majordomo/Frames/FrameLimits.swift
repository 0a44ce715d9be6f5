/// Bounds the frame codec enforces on input from the network.
public struct FrameLimits: Sendable, Hashable {
    /// The largest frame accepted, in bytes (default 16 MiB).
    public var maximumFrameSize: Int
    /// The most frames one message may have, envelope and header included (default 256).
    public var maximumFrameCount: Int

    /// Limits with the given bounds; the defaults suit newsbus chunks with plenty of headroom.
    public init(maximumFrameSize: Int = 16 << 20, maximumFrameCount: Int = 256) {
        self.maximumFrameSize = maximumFrameSize
        self.maximumFrameCount = maximumFrameCount
    }

    /// Throws if `frames` break a limit.
    func check(_ frames: some Collection<[UInt8]>) throws(MDPError) {
        guard frames.count <= maximumFrameCount else {
            throw .tooManyFrames(count: frames.count, limit: maximumFrameCount)
        }
        // By position, reading each frame's count in place (enumerating copies every frame).
        for (offset, index) in frames.indices.enumerated() where frames[index].count > maximumFrameSize {
            throw .frameTooLarge(index: offset, size: frames[index].count, limit: maximumFrameSize)
        }
    }
}
