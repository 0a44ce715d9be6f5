internal import CZeroMQ

/// A libzmq context: the I/O threads and the `inproc://` namespace shared by its sockets.
///
/// Create one per process (or per embedded cluster) and pass it to each ``Socket``. Sockets keep
/// their context alive. ``shutdown()`` makes every blocking call on its sockets fail with
/// ``ZMQError/terminated`` so their threads can close them and leave; the context is terminated
/// (`zmq_ctx_term`) when the last reference goes away.
///
/// `@unchecked Sendable`: a libzmq context is thread-safe by design (zmq_ctx(3): "A ØMQ context is
/// thread safe and may be shared among as many application threads as necessary"); this class
/// holds only the immutable handle, and `zmq_ctx_shutdown`/`zmq_ctx_term` may be called from any
/// thread.
public final class Context: @unchecked Sendable {
    let handle: UnsafeMutableRawPointer

    /// Creates a context with `ioThreads` background I/O threads (libzmq's default is 1).
    public init(ioThreads: Int32 = 1) throws(ZMQError) {
        guard let handle = zmq_ctx_new() else { throw ZMQError.current("zmq_ctx_new") }
        self.handle = handle
        if ioThreads != 1 {
            do {
                try call("zmq_ctx_set(ZMQ_IO_THREADS, \(ioThreads))") {
                    zmq_ctx_set(handle, ZMQ_IO_THREADS, ioThreads)
                }
            } catch {
                zmq_ctx_term(handle)
                throw error
            }
        }
    }

    /// Makes every blocking call on this context's sockets return ``ZMQError/terminated``, and
    /// every later socket creation fail. Safe to call more than once, from any thread.
    public func shutdown() {
        // Fails only with EFAULT (invalid context), which cannot happen for a live handle.
        _ = zmq_ctx_shutdown(handle)
    }

    deinit {
        // Every socket holds a strong reference to its context, so all are closed by now and
        // zmq_ctx_term cannot block on them; it only needs retrying after a signal.
        while zmq_ctx_term(handle) == -1, zmq_errno() == ZMQError.interrupted.code {}
    }
}
