import Foundation

/// Hands commands from any thread to one socket loop thread, and wakes that thread.
///
/// ZeroMQ sockets may be used only by the thread that created them, so callers cannot poke the
/// loop's socket directly. They append to a locked queue instead, and the first post after the
/// loop last looked writes one byte to a pipe the loop polls beside its sockets (``descriptor``);
/// ``take()`` empties the pipe and the queue at once, so a burst of posts costs one wake-up and
/// no thread hop. Should the pipe not open (out of descriptors), ``descriptor`` is nil and the
/// loop looks at the queue every ``fallbackInterval`` instead.
///
/// `@unchecked Sendable`: every mutable field is read and written only while `lock` is held;
/// the descriptors are immutable and closed only in `deinit`.
final class Mailbox<Command: Sendable>: @unchecked Sendable {
    /// How often a loop without a wake pipe looks at the queue.
    static var fallbackInterval: Duration { .milliseconds(10) }

    private let lock = NSLock()
    private var queue: [Command] = []
    private var wakePending = false
    private var closed = false
    /// The pipe's read end (polled by the loop) and write end (written by posts).
    private let pipe: (read: Int32, write: Int32)?

    /// A mailbox with its wake pipe.
    init() {
        var ends: [Int32] = [-1, -1]
        if Glibc.pipe(&ends) == 0 {
            _ = fcntl(ends[0], F_SETFL, fcntl(ends[0], F_GETFL) | O_NONBLOCK)
            _ = fcntl(ends[1], F_SETFL, fcntl(ends[1], F_GETFL) | O_NONBLOCK)
            _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
            pipe = (ends[0], ends[1])
        } else {
            pipe = nil
        }
    }

    deinit {
        if let pipe {
            Glibc.close(pipe.read)
            Glibc.close(pipe.write)
        }
    }

    /// The descriptor the loop polls for "commands waiting" (readable), or nil (see above).
    var descriptor: Int32? {
        pipe?.read
    }

    /// Queues `command` and wakes the loop; `false` once the loop has stopped taking commands.
    func post(_ command: Command) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard !closed else { return false }
        queue.append(command)
        if !wakePending, let pipe {
            wakePending = true
            var byte: UInt8 = 1
            // A full pipe already holds wake bytes: nothing is lost by dropping this one.
            _ = write(pipe.write, &byte, 1)
        }
        return true
    }

    /// Every command posted so far, oldest first, and the wake bytes with them (loop thread).
    func take() -> [Command] {
        lock.lock()
        defer { lock.unlock() }
        if wakePending, let pipe {
            var bytes = (UInt64(0), UInt64(0))
            while withUnsafeMutableBytes(of: &bytes, { read(pipe.read, $0.baseAddress, $0.count) }) > 0 {}
            wakePending = false
        }
        let taken = queue
        queue.removeAll(keepingCapacity: true)
        return taken
    }

    /// Refuses further posts and returns commands nobody will run (loop thread, once, as it
    /// leaves).
    func close() -> [Command] {
        lock.lock()
        defer { lock.unlock() }
        closed = true
        let left = queue
        queue = []
        return left
    }
}
