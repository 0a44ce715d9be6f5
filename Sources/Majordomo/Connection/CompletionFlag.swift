import Foundation

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
