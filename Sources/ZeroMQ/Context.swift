internal import CZeroMQ
import Foundation
import Synchronization

/// A libzmq context: the I/O threads and the `inproc://` namespace shared by its sockets.
///
/// Create one per process (or per embedded cluster) and pass it to each ``Socket``. Sockets keep
/// their context alive. ``shutdown()`` makes every blocking call on its sockets fail with
/// ``ZMQError/terminated`` so their threads can close them and leave; the context is terminated
/// (`zmq_ctx_term`) when the last reference goes away, or by ``terminate(within:)``, which a
/// process calls before it exits so its last messages go out.
///
/// `@unchecked Sendable`: a libzmq context is thread-safe by design (zmq_ctx(3): "A ØMQ context is
/// thread safe and may be shared among as many application threads as necessary"); this class
/// holds only the immutable handle, and `zmq_ctx_shutdown`/`zmq_ctx_term` may be called from any
/// thread.
public final class Context: @unchecked Sendable {
    let handle: UnsafeMutableRawPointer
    /// Set once `zmq_ctx_term` has been started, so it runs once.
    private let terminating = Atomic(false)

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

    /// Terminates the context, waiting up to `timeout` for every socket to be closed and for the
    /// messages they still queue to go out (each socket's `LINGER`); true when that finished in
    /// time. A process calls it last, after its sockets' threads are done: when it exits, libzmq's
    /// I/O threads die with it, and anything they had not yet written is lost (a worker's last
    /// replies and DISCONNECT, say), while the last reference to the context may still be held
    /// by a thread on its way out. Later calls return true at once.
    @discardableResult
    public func terminate(within timeout: Duration) -> Bool {
        guard !terminating.exchange(true, ordering: .acquiringAndReleasing) else { return true }
        let done = DispatchSemaphore(value: 0)
        // On a thread of its own: zmq_ctx_term blocks until the last socket is closed.
        let thread = Thread { [self] in
            Self.term(handle)
            done.signal()
        }
        thread.name = "zmq context termination"
        thread.start()
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) * 1e-18
        return done.wait(timeout: .now() + seconds) == .success
    }

    deinit {
        // Every socket holds a strong reference to its context, so all are closed by now and
        // zmq_ctx_term cannot block on them.
        if !terminating.load(ordering: .acquiring) { Self.term(handle) }
    }

    /// `zmq_ctx_term`, retried after a signal.
    private static func term(_ handle: UnsafeMutableRawPointer) {
        while zmq_ctx_term(handle) == -1, zmq_errno() == ZMQError.interrupted.code {}
    }
}
