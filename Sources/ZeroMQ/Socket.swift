internal import CZeroMQ

/// A ZeroMQ socket, confined to the thread that created it and closed on every path.
///
/// Create, use and close a socket on one thread (a precondition traps otherwise, see
/// `ThreadConfinement`). ``close()`` is idempotent and `deinit` closes a socket that is still
/// open. `LINGER` is set at creation (zero by default) so closing never blocks on unsent data.
///
/// Frames are `[UInt8]`. ``receive(dontWait:)`` returns `nil` when nothing is available
/// (non-blocking receive, or the receive timeout expired); other failures throw ``ZMQError``.
public final class Socket {
    /// The socket's pattern.
    public let type: SocketType
    let context: Context
    private let confinement = ThreadConfinement()
    private var handle: UnsafeMutableRawPointer?

    /// Opens a socket of `type` in `context` with `linger` (how long unsent messages are kept
    /// after ``close()``; zero drops them at once).
    public init(_ context: Context, type: SocketType, linger: Duration = .zero) throws(ZMQError) {
        guard let handle = zmq_socket(context.handle, type.rawValue) else {
            throw ZMQError.current("zmq_socket(\(type))")
        }
        self.type = type
        self.context = context
        self.handle = handle
        do {
            try set(.linger(linger))
        } catch {
            close()
            throw error
        }
    }

    deinit {
        if let handle {
            zmq_close(handle)
        }
    }

    /// True until ``close()`` is called.
    public var isOpen: Bool {
        handle != nil
    }

    /// Closes the socket; later calls do nothing. Messages still queued are kept for `LINGER`.
    public func close() {
        guard let handle else { return }
        confinement.check("\(type) socket")
        zmq_close(handle)
        self.handle = nil
    }

    /// The open handle, after checking the calling thread; throws `ENOTSOCK` once closed.
    func openHandle(_ operation: @autoclosure () -> String) throws(ZMQError) -> UnsafeMutableRawPointer {
        confinement.check("\(type) socket")
        guard let handle else { throw ZMQError(code: ENOTSOCK, operation: operation()) }
        return handle
    }

    /// Binds to `endpoint` (`tcp://127.0.0.1:0` picks a free port; read it from ``lastEndpoint``).
    public func bind(_ endpoint: String) throws(ZMQError) {
        let handle = try openHandle("zmq_bind(\(endpoint))")
        try call("zmq_bind(\(endpoint))") { zmq_bind(handle, endpoint) }
    }

    /// Stops listening on `endpoint` (use the resolved endpoint for wildcard binds).
    public func unbind(_ endpoint: String) throws(ZMQError) {
        let handle = try openHandle("zmq_unbind(\(endpoint))")
        try call("zmq_unbind(\(endpoint))") { zmq_unbind(handle, endpoint) }
    }

    /// Connects to `endpoint`; libzmq connects (and reconnects) in the background.
    public func connect(_ endpoint: String) throws(ZMQError) {
        let handle = try openHandle("zmq_connect(\(endpoint))")
        try call("zmq_connect(\(endpoint))") { zmq_connect(handle, endpoint) }
    }

    /// Disconnects from `endpoint`.
    public func disconnect(_ endpoint: String) throws(ZMQError) {
        let handle = try openHandle("zmq_disconnect(\(endpoint))")
        try call("zmq_disconnect(\(endpoint))") { zmq_disconnect(handle, endpoint) }
    }

    /// Sends `frames` as one multipart message. Returns `false` if `dontWait` is set and the
    /// message could not be queued now (high-water mark reached); nothing is sent then.
    @discardableResult
    public func send(_ frames: [[UInt8]], dontWait: Bool = false) throws(ZMQError) -> Bool {
        let handle = try openHandle("zmq_send")
        precondition(!frames.isEmpty, "a ZeroMQ message has at least one frame")
        let wait: Int32 = dontWait ? ZMQ_DONTWAIT : 0
        for (index, frame) in frames.enumerated() {
            let more: Int32 = index < frames.count - 1 ? ZMQ_SNDMORE : 0
            let sent = try typed {
                frame.withUnsafeBytes { buffer in
                    Result { () throws(ZMQError) in
                        try call("zmq_send(\(type), frame \(index) of \(frames.count))") {
                            zmq_send(handle, buffer.baseAddress, buffer.count, wait | more)
                        }
                    }
                }
            }
            // Only the first frame can meet the high-water mark: later frames of a message are
            // always accepted once the first one is.
            if sent == nil { return false }
        }
        return true
    }

    /// Sends one frame without copying it again; `more` says further frames of the message follow.
    /// Returns `false` when `dontWait` is set and the frame could not be queued now.
    @discardableResult
    public func send(_ message: consuming Message, more: Bool = false, dontWait: Bool = false) throws(ZMQError) -> Bool {
        let handle = try openHandle("zmq_msg_send")
        let flags = (more ? ZMQ_SNDMORE : 0) | (dontWait ? ZMQ_DONTWAIT : 0)
        let pointer = message.pointer
        // On success libzmq takes the content and leaves an empty message for deinit to close.
        let sent = try call("zmq_msg_send(\(type))") { zmq_msg_send(pointer, handle, flags) }
        return sent != nil
    }

    /// Receives one multipart message. Returns `nil` when nothing is available: `dontWait` was
    /// set, or the receive timeout (``SocketOption/receiveTimeout(_:)``) expired.
    public func receive(dontWait: Bool = false) throws(ZMQError) -> [[UInt8]]? {
        var frames: [[UInt8]] = []
        var dontWait = dontWait
        // One zmq_msg_t for every frame: each receive releases the previous content.
        let message = Message()
        while true {
            guard try receive(into: message, dontWait: dontWait) else {
                // Frames of one message arrive together, so only the first can be missing.
                return frames.isEmpty ? nil : frames
            }
            if !message.hasMore && frames.isEmpty { return [message.bytes] }
            // Room for a typical MDP message at once: growing 1, 2, 4, 8 would allocate four times.
            if frames.isEmpty { frames.reserveCapacity(8) }
            frames.append(message.bytes)
            if !message.hasMore { return frames }
            dontWait = false
        }
    }

    /// Receives one frame into `message` without copying. Returns `false` when nothing is
    /// available (see ``receive(dontWait:)``).
    public func receive(into message: borrowing Message, dontWait: Bool = false) throws(ZMQError) -> Bool {
        let handle = try openHandle("zmq_msg_recv")
        let pointer = message.pointer
        let received = try call("zmq_msg_recv(\(type))") {
            zmq_msg_recv(pointer, handle, dontWait ? ZMQ_DONTWAIT : 0)
        }
        return received != nil
    }
}
