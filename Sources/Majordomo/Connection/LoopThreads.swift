import Foundation
import ZeroMQ

/// The two dedicated threads behind a worker or client connection: the socket loop and the
/// mailbox waker. ``join()`` waits for both.
final class LoopThreads: Sendable {
    private let loopDone = CompletionFlag()
    private let wakerDone = CompletionFlag()

    /// Starts `loop` on a new thread named `name`, and `mailbox`'s waker beside it. The loop must
    /// call `mailbox.close()` before it returns, which also ends the waker.
    init<Command>(name: String, context: Context, mailbox: Mailbox<Command>, loop: @escaping @Sendable () -> Void) {
        let loopDone = loopDone
        let wakerDone = wakerDone
        let loopThread = Thread {
            loop()
            loopDone.set()
        }
        loopThread.name = name
        let wakerThread = Thread {
            mailbox.runWaker(context: context)
            wakerDone.set()
        }
        wakerThread.name = name + " waker"
        wakerThread.start()
        loopThread.start()
    }

    /// Blocks until both threads have finished.
    func join() {
        loopDone.wait()
        wakerDone.wait()
    }

    /// True once the loop thread has returned.
    var loopFinished: Bool {
        loopDone.isSet
    }
}
