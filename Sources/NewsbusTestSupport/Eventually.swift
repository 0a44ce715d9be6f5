import Foundation

/// Waits until `condition` holds, checking it every `interval`, for at most `timeout`.
/// Returns whether it held in time. For state that cannot signal changes; prefer
/// ``Observed/wait(within:until:)`` when the producer can.
public func eventually(
    within timeout: Duration,
    checkingEvery interval: Duration = .milliseconds(10),
    _ condition: () async throws -> Bool
) async rethrows -> Bool {
    let deadline = ContinuousClock.now.advanced(by: timeout)
    while true {
        if try await condition() { return true }
        if ContinuousClock.now >= deadline { return false }
        try? await Task.sleep(for: interval)
    }
}

/// A value shared between threads that a test can wait on until it satisfies a condition.
///
/// Producers change it with ``update(_:)``, which wakes every waiter; a test blocks in
/// ``wait(within:until:)`` on its own thread (never in the cooperative pool).
///
/// `@unchecked Sendable`: `state` is only read or written while `condition` is locked.
public final class Observed<State>: @unchecked Sendable {
    private let condition = NSCondition()
    private var state: State

    /// Starts with `initial`.
    public init(_ initial: State) {
        state = initial
    }

    /// Changes the value under the lock and wakes every waiter.
    public func update(_ body: (inout State) -> Void) {
        condition.lock()
        defer { condition.unlock() }
        body(&state)
        condition.broadcast()
    }

    /// The current value.
    public var value: State {
        condition.lock()
        defer { condition.unlock() }
        return state
    }

    /// Blocks until `predicate` holds for the value or `timeout` passes; returns whether it held.
    public func wait(within timeout: Duration, until predicate: (State) -> Bool) -> Bool {
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) * 1e-18
        let deadline = Date(timeIntervalSinceNow: seconds)
        condition.lock()
        defer { condition.unlock() }
        while !predicate(state) {
            if !condition.wait(until: deadline) { return predicate(state) }
        }
        return true
    }
}
