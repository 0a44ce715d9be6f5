internal import CZeroMQ

/// One ZeroMQ message frame (`zmq_msg_t`), owned and closed exactly once.
///
/// `zmq_msg_t` must never be copied byte for byte, so it lives on the heap at a stable address;
/// the type is `~Copyable` and its `deinit` calls `zmq_msg_close`. Read the bytes through
/// ``withUnsafeBytes(_:)`` (no copy) or ``bytes`` (one copy).
public struct Message: ~Copyable {
    let pointer: UnsafeMutablePointer<zmq_msg_t>

    /// An empty message, ready to receive into.
    public init() {
        pointer = .allocate(capacity: 1)
        // zmq_msg_init cannot fail.
        zmq_msg_init(pointer)
    }

    /// A message holding a copy of `bytes`.
    public init(bytes: some Collection<UInt8>) {
        pointer = .allocate(capacity: 1)
        // zmq_msg_init_size fails only with ENOMEM, where allocation traps in Swift too.
        let status = zmq_msg_init_size(pointer, bytes.count)
        precondition(status == 0, "zmq_msg_init_size(\(bytes.count)): out of memory")
        if let data = zmq_msg_data(pointer), !bytes.isEmpty {
            let buffer = UnsafeMutableRawBufferPointer(start: data, count: bytes.count)
            buffer.copyBytes(from: bytes)
        }
    }

    deinit {
        zmq_msg_close(pointer)
        pointer.deallocate()
    }

    /// The number of bytes in the frame.
    public var count: Int {
        zmq_msg_size(pointer)
    }

    /// True when more frames of the same multipart message follow this one (after a receive).
    public var hasMore: Bool {
        zmq_msg_more(pointer) != 0
    }

    /// Calls `body` with the frame's bytes, valid only during the call.
    public func withUnsafeBytes<Result, Failure: Error>(
        _ body: (UnsafeRawBufferPointer) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try body(UnsafeRawBufferPointer(start: zmq_msg_data(pointer), count: zmq_msg_size(pointer)))
    }

    /// A copy of the frame's bytes.
    public var bytes: [UInt8] {
        withUnsafeBytes { Array($0) }
    }
}
