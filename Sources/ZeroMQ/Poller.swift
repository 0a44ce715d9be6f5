internal import CZeroMQ

/// The readiness a ``Poller`` waits for or reports.
public struct PollEvents: OptionSet, Sendable, Hashable {
    /// The raw `ZMQ_POLL*` bits.
    public let rawValue: Int16

    /// Wraps raw `ZMQ_POLL*` bits.
    public init(rawValue: Int16) {
        self.rawValue = rawValue
    }

    /// At least one message can be received without blocking.
    public static let readable = PollEvents(rawValue: Int16(ZMQ_POLLIN))
    /// At least one message can be sent without blocking.
    public static let writable = PollEvents(rawValue: Int16(ZMQ_POLLOUT))
}

/// Waits on several sockets (and plain file descriptors) at once (`zmq_poll`), with a timeout.
///
/// Register sockets once, then call ``poll(timeout:)`` and read ``events(at:)`` by the index
/// ``register(_:for:)`` returned. Use it on the thread that owns the sockets.
public struct Poller {
    /// The socket of each item; nil for a file descriptor item.
    private var sockets: [Socket?] = []
    private var items: [zmq_pollitem_t] = []

    /// An empty poller.
    public init() {}

    /// Adds `socket`, waiting for `events`; returns its index.
    @discardableResult
    public mutating func register(_ socket: Socket, for events: PollEvents = .readable) -> Int {
        sockets.append(socket)
        items.append(zmq_pollitem_t(socket: nil, fd: 0, events: events.rawValue, revents: 0))
        return items.count - 1
    }

    /// Adds a plain file descriptor (a pipe, an eventfd), waiting for `events`; returns its index.
    /// The caller keeps the descriptor open while the poller is used.
    @discardableResult
    public mutating func register(fileDescriptor: Int32, for events: PollEvents = .readable) -> Int {
        sockets.append(nil)
        items.append(zmq_pollitem_t(socket: nil, fd: fileDescriptor, events: events.rawValue, revents: 0))
        return items.count - 1
    }

    /// Waits until a registered socket is ready or `timeout` passes (nil waits forever; zero
    /// just checks). Returns how many sockets are ready (0 on timeout). A signal ends the wait
    /// early with 0, so callers recompute their deadline and poll again.
    @discardableResult
    public mutating func poll(timeout: Duration?) throws(ZMQError) -> Int {
        for index in items.indices {
            if let socket = sockets[index] {
                items[index].socket = try socket.openHandle("zmq_poll")
            }
            items[index].revents = 0
        }
        let milliseconds = timeout.map { Int($0.wholeMilliseconds) } ?? -1
        let count = Int32(items.count)
        let result = try typed {
            items.withUnsafeMutableBufferPointer { buffer in
                Result { () throws(ZMQError) in
                    try Self.callOnce("zmq_poll(\(count) sockets)") { zmq_poll(buffer.baseAddress, count, milliseconds) }
                }
            }
        }
        return Int(result)
    }

    /// What socket `index` was ready for in the last ``poll(timeout:)``.
    public func events(at index: Int) -> PollEvents {
        PollEvents(rawValue: items[index].revents)
    }

    /// Like `call`, but a signal returns 0 instead of retrying with the full timeout again.
    private static func callOnce(_ operation: @autoclosure () -> String, _ body: () -> Int32) throws(ZMQError) -> Int32 {
        let result = body()
        if result != -1 { return result }
        let error = ZMQError.current(operation())
        if error.hasSameCode(as: .interrupted) { return 0 }
        throw error
    }
}
