import Foundation

/// What reaches the aggregator's driver thread from other threads: extraction replies, job
/// requests waiting for an answer, worker counts, and the stop order.
///
/// `@unchecked Sendable`: `queue` and `stopped` are only touched while `condition` is locked.
final class AggregatorInbox: @unchecked Sendable {
    /// One thing for the driver to do.
    enum Event: Sendable {
        /// A FINAL reply body from `newsbus.extract`.
        case extractReply([[UInt8]])
        /// A `newsbus.jobs` request body; the answer goes into the slot.
        case jobRequest([[UInt8]], JobReplySlot)
        /// The broker's answer about its `newsbus.extract` workers: their count (`nil`: an
        /// answer without one), for the window (see ``WindowSizing``) and to hold the chunks'
        /// timeouts while no reply can come.
        case extractWorkers(Int?)
        /// Nothing to do but look at the core's next deadline again.
        case wake
    }

    private let condition = NSCondition()
    private var queue: [Event] = []
    private var stopped = false

    /// Queues `event` and wakes the driver; `false` (event not queued) once stopped.
    @discardableResult
    func post(_ event: Event) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !stopped else { return false }
        queue.append(event)
        condition.signal()
        return true
    }

    /// Tells the driver to leave; later posts are refused.
    func stop() {
        condition.lock()
        defer { condition.unlock() }
        stopped = true
        condition.broadcast()
    }

    /// Waits until something is queued, `deadline` passes (never, when `nil`) or the inbox is stopped,
    /// and returns what was queued and whether to stop.
    func take(waitingUntil deadline: ContinuousClock.Instant?) -> (events: [Event], stop: Bool) {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty, !stopped {
            guard let deadline else {
                condition.wait()
                continue
            }
            let remaining = ContinuousClock.now.duration(to: deadline)
            if remaining <= .zero { break }
            _ = condition.wait(until: Date(timeIntervalSinceNow: remaining.timeInterval))
        }
        let events = queue
        queue.removeAll(keepingCapacity: true)
        return (events, stopped)
    }
}

/// A one-shot answer one thread waits for and another fills.
///
/// `@unchecked Sendable`: `answer` is only touched while `condition` is locked.
final class JobReplySlot: @unchecked Sendable {
    private let condition = NSCondition()
    private var answer: [[UInt8]]?

    /// Stores the answer (the first one wins) and wakes the waiter.
    func fill(_ body: [[UInt8]]) {
        condition.lock()
        defer { condition.unlock() }
        if answer == nil { answer = body }
        condition.broadcast()
    }

    /// Blocks until filled or `timeout` passes; `nil` on timeout.
    func wait(within timeout: Duration) -> [[UInt8]]? {
        let deadline = Date(timeIntervalSinceNow: timeout.timeInterval)
        condition.lock()
        defer { condition.unlock() }
        while answer == nil {
            if !condition.wait(until: deadline) { break }
        }
        return answer
    }
}

extension Duration {
    /// The duration in seconds, as `TimeInterval`.
    var timeInterval: TimeInterval {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}
