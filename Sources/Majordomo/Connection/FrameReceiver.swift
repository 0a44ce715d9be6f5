package import ZeroMQ

/// Receives multipart messages as frame arrays for one socket loop, allocating as little as it can.
///
/// Every MDP message repeats a few short frames: the protocol header, the command byte, the empty
/// delimiter, and the routing ids and service names of the few peers a loop talks to. A plain
/// receive allocates a fresh `[UInt8]` for each; this one hands out a shared array when the bytes
/// match one it already holds (the MDP constants, and a small ring of recently seen short frames),
/// so a typical message costs one allocation, for its body. The `zmq_msg_t` and the frame list
/// are reused across receives (the list only once the caller has let go of the previous one; it
/// keeps the last message's frames alive until the next receive). Use it on the thread that owns
/// the socket.
package final class FrameReceiver {
    /// Frames this long or shorter are looked up in (and remembered by) the ring.
    static let shortFrame = 32
    /// How many recent short frames are remembered.
    static let ringSize = 16

    private let message = Message()
    /// The one-byte command frames, indexed by their byte.
    private let commands: [[UInt8]] = MDPConstants.commandFrames
    /// The keys (see ``key(_:)``) of the two protocol headers, both six bytes long.
    private let clientHeaderKey = FrameReceiver.key(MDPConstants.clientHeader)
    private let workerHeaderKey = FrameReceiver.key(MDPConstants.workerHeader)

    // Touched only by the owning loop thread, one access at a time: no exclusivity bookkeeping.

    /// Recently received short frames (routing ids, service names), replaced round robin, with
    /// their keys and lengths beside them so a lookup compares integers, not arrays.
    @exclusivity(unchecked) private var ring: [[UInt8]] = []
    @exclusivity(unchecked) private var ringKeys: [UInt64] = []
    @exclusivity(unchecked) private var ringLengths: [Int] = []
    @exclusivity(unchecked) private var nextSlot = 0
    /// The frame list handed out last, refilled in place by the next receive when the caller has
    /// let go of it (parsing copies what it keeps), so a message costs no list allocation.
    @exclusivity(unchecked) private var frames: [[UInt8]] = []

    /// An empty receiver.
    package init() {
        ring.reserveCapacity(Self.ringSize)
        ringKeys.reserveCapacity(Self.ringSize)
        ringLengths.reserveCapacity(Self.ringSize)
    }

    /// Receives one multipart message; `nil` when nothing is available (see
    /// ``ZeroMQ/Socket/receive(dontWait:)``).
    package func receive(from socket: Socket, dontWait: Bool) throws(ZMQError) -> [[UInt8]]? {
        try receive(from: socket, dontWait: dontWait, property: nil) { _ in false }?.frames
    }

    /// Receives one multipart message and, when `wanted` accepts its frames, the metadata
    /// property `name` of its last frame (see ``ZeroMQ/Message/property(_:)``).
    package func receive(
        from socket: Socket, dontWait: Bool, property name: String?, when wanted: ([[UInt8]]) -> Bool
    ) throws(ZMQError) -> (frames: [[UInt8]], property: String?)? {
        frames.removeAll(keepingCapacity: true)
        var dontWait = dontWait
        while true {
            guard try socket.receive(into: message, dontWait: dontWait) else {
                // Frames of one message arrive together, so only the first can be missing.
                return frames.isEmpty ? nil : (frames, nil)
            }
            // Room for a typical MDP message at once: growing 1, 2, 4, 8 would allocate four times.
            if frames.isEmpty { frames.reserveCapacity(8) }
            let frame = currentFrame()
            frames.append(frame)
            if !message.hasMore {
                guard let name, wanted(frames) else { return (frames, nil) }
                return (frames, message.property(name))
            }
            dontWait = false
        }
    }

    /// The received frame's bytes: a shared array when they match a known frame, else a copy.
    private func currentFrame() -> [UInt8] {
        message.withUnsafeBytes { bytes in
            let count = bytes.count
            guard count > 0 else { return [] }
            guard count <= Self.shortFrame else { return Array(bytes) }
            if count == 1, Int(bytes[0]) < commands.count { return commands[Int(bytes[0])] }
            let key = Self.key(bytes)
            if count == 6, key == clientHeaderKey { return MDPConstants.clientHeader }
            if count == 6, key == workerHeaderKey { return MDPConstants.workerHeader }
            for slot in ringKeys.indices where ringKeys[slot] == key && ringLengths[slot] == count {
                // The key holds the first eight bytes: shorter frames are equal by now.
                if count <= 8 || ring[slot].withUnsafeBytes({ $0.elementsEqual(bytes) }) { return ring[slot] }
            }
            let copy = Array(bytes)
            if ring.count < Self.ringSize {
                ring.append(copy)
                ringKeys.append(key)
                ringLengths.append(count)
            } else {
                ring[nextSlot] = copy
                ringKeys[nextSlot] = key
                ringLengths[nextSlot] = count
                nextSlot = (nextSlot + 1) % Self.ringSize
            }
            return copy
        }
    }

    /// The first eight bytes of `bytes` (fewer, zero-padded, for a shorter frame) as one integer.
    private static func key(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var key: UInt64 = 0
        withUnsafeMutableBytes(of: &key) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes.prefix(8))) }
        return key
    }

    /// ``key(_:)`` of an array.
    private static func key(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { key($0) }
    }
}
