import Foundation

/// The dedicated thread behind a worker or client connection, running its socket loop.
/// ``join()`` waits for it.
final class LoopThreads: Sendable {
    private let loopDone = CompletionFlag()

    /// Starts `loop` on a new thread named `name`. The loop must call its mailbox's `close()`
    /// before it returns, so later posts fail instead of waiting for nobody.
    init(name: String, loop: @escaping @Sendable () -> Void) {
        let loopDone = loopDone
        let loopThread = Thread {
            loop()
            loopDone.set()
        }
        loopThread.name = name
        loopThread.start()
    }

    /// Blocks until the loop thread has finished.
    func join() {
        loopDone.wait()
    }

    /// True once the loop thread has returned.
    var loopFinished: Bool {
        loopDone.isSet
    }
}
