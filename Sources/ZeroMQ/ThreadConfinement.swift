#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Remembers the thread that created a socket and traps when another thread uses it.
///
/// libzmq sockets are not thread-safe; a socket used from two threads corrupts memory silently.
/// Like GRDB's scheduling watchdog, this turns that programming error into an immediate, named
/// failure. (Closing from `deinit` is exempt: the last reference may die anywhere.)
struct ThreadConfinement {
    private let owner: pthread_t

    /// Confines to the calling thread.
    init() {
        owner = pthread_self()
    }

    /// Traps unless called on the owning thread.
    func check(_ what: @autoclosure () -> String) {
        precondition(
            pthread_equal(owner, pthread_self()) != 0,
            "\(what()) used from a thread other than the one that created it; "
                + "ZeroMQ sockets are not thread-safe: create, use and close each socket on one thread"
        )
    }
}
