import Foundation

/// Three pieces of independent work at once, for the end of a job, when the workers are done and
/// the other cores are free.
enum Parallel {
    /// Runs `first` on this thread and the other two on other threads; returns the three results,
    /// or throws the first one's error, else the second's, else the third's.
    static func run<A, B: Sendable, C: Sendable, Failure: Error>(
        _ first: () throws(Failure) -> A,
        _ second: @escaping @Sendable () throws(Failure) -> B,
        _ third: @escaping @Sendable () throws(Failure) -> C
    ) throws(Failure) -> (A, B, C) {
        let secondResult = start { Result { () throws(Failure) in try second() } }
        let thirdResult = start { Result { () throws(Failure) in try third() } }
        let firstResult = Result { () throws(Failure) in try first() }
        // Both others are waited for before any error is thrown.
        let (secondValue, thirdValue) = (secondResult.value(), thirdResult.value())
        return (try firstResult.get(), try secondValue.get(), try thirdValue.get())
    }
}

extension Parallel {
    /// Work started on another thread, whose result ``value()`` waits for.
    final class Pending<Value: Sendable>: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private let result = Handoff<Value>()

        fileprivate init(_ work: @escaping @Sendable () -> Value) {
            DispatchQueue.global().async { [self] in
                result.set(work())
                done.signal()
            }
        }

        /// The result, once the work is done (call once).
        func value() -> Value {
            done.wait()
            return result.value
        }
    }

    /// Lets go of `value` on another thread: for a large value made of many objects (a job's
    /// report), whose freeing would otherwise hold up a thread that has more urgent work.
    static func release<Value: Sendable>(_ value: Value) {
        DispatchQueue.global().async { withExtendedLifetime(value) {} }
    }

    /// Starts `work` on another thread; its result comes from the returned value's `value()`.
    static func start<Value: Sendable>(_ work: @escaping @Sendable () -> Value) -> Pending<Value> {
        Pending(work)
    }
}

/// One result handed from the thread that made it to the thread that waits for it.
private final class Handoff<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?

    func set(_ value: Value) { lock.withLock { stored = value } }

    /// The value set; only read after the setter's thread has been waited for.
    var value: Value {
        guard let value = lock.withLock({ stored }) else {
            preconditionFailure("Parallel read a result before its thread set it")
        }
        return value
    }
}
