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

/// A one-way flag threads can wait on.
///
/// `@unchecked Sendable`: `value` is only touched with `condition` locked.
final class CompletionFlag: @unchecked Sendable {
    private let condition = NSCondition()
    private var value = false

    /// Sets the flag and wakes every waiter.
    func set() {
        condition.lock()
        value = true
        condition.broadcast()
        condition.unlock()
    }

    /// Blocks until the flag is set.
    func wait() {
        condition.lock()
        while !value {
            condition.wait()
        }
        condition.unlock()
    }

    /// Whether the flag is set.
    var isSet: Bool {
        condition.lock()
        defer { condition.unlock() }
        return value
    }
}
