import Foundation
import ZeroMQ

/// Hands commands from any thread to one socket loop thread, and wakes that thread.
///
/// ZeroMQ sockets may be used only by the thread that created them, so callers cannot poke the
/// loop's socket directly. They append to a locked queue instead; a small waker thread owns the
/// sending end of an `inproc` PAIR and sends one empty frame whenever the queue goes from "seen"
/// to "has news". The loop polls the receiving end with its other sockets, drains the wake frames
/// and takes every queued command at once, so a burst of posts costs one wake-up.
///
/// `@unchecked Sendable`: every mutable field is read and written only while `condition` is
/// locked; `endpoint` is immutable.
final class Mailbox<Command: Sendable>: @unchecked Sendable {
    /// The `inproc` endpoint the loop binds its wake PAIR to (unique per mailbox).
    let endpoint: String
    private let condition = NSCondition()
    private var queue: [Command] = []
    private var wakeRequested = false
    private var closed = false

    /// A mailbox with a fresh, unique wake endpoint.
    init(label: String) {
        endpoint = "inproc://newsbus-\(label)-\(UUID().uuidString)"
    }

    /// Queues `command` and wakes the loop; `false` once the loop has stopped taking commands.
    func post(_ command: Command) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !closed else { return false }
        queue.append(command)
        if !wakeRequested {
            wakeRequested = true
            condition.signal()
        }
        return true
    }

    /// Every command posted so far, oldest first (loop thread).
    func take() -> [Command] {
        condition.lock()
        defer { condition.unlock() }
        let taken = queue
        queue.removeAll(keepingCapacity: true)
        return taken
    }

    /// Refuses further posts, stops the waker and returns commands nobody will run (loop thread,
    /// once, as it leaves).
    func close() -> [Command] {
        condition.lock()
        defer { condition.unlock() }
        closed = true
        condition.broadcast()
        let left = queue
        queue = []
        return left
    }

    /// The waker thread's body: sends one wake frame per burst of posts until ``close()``.
    func runWaker(context: Context) {
        // Opening fails only once the context is shut down, when the loop is leaving too.
        guard let socket = try? Socket(context, type: .pair) else { return }
        defer { socket.close() }
        do {
            try socket.connect(endpoint)
            while waitForNews() {
                // A full pipe means wake frames are already waiting; dropping this one is fine.
                try socket.send([[]], dontWait: true)
            }
        } catch {
            // Only a context shutdown (ETERM) gets here: the loop is leaving too.
        }
    }

    /// Blocks until a post asks for a wake-up (true) or the mailbox closes (false).
    private func waitForNews() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while !wakeRequested && !closed {
            condition.wait()
        }
        wakeRequested = false
        return !closed
    }
}
