import Foundation
import Synchronization
import Testing

@testable import Aggregation

@Suite("Parallel")
struct ParallelTests {
    /// Whether a ``Tracked`` was freed on the thread that made it.
    static let freedOnMaker = Mutex(false)

    /// Signals when it is freed, noting whether that was on the thread that made it.
    final class Tracked: Sendable {
        let freed: DispatchSemaphore
        let maker = pthread_self()

        init(freed: DispatchSemaphore) {
            self.freed = freed
        }

        deinit {
            if pthread_equal(pthread_self(), maker) != 0 { ParallelTests.freedOnMaker.withLock { $0 = true } }
            freed.signal()
        }
    }

    @Test("run returns the three results in order")
    func run() {
        let (a, b, c) = Parallel.run({ 1 }, { "two" }, { [3.0] })
        #expect(a == 1 && b == "two" && c == [3.0])
    }

    @Test("release lets go of the value on another thread, soon")
    func release() {
        let freed = DispatchSemaphore(value: 0)
        Parallel.release(Tracked(freed: freed))
        #expect(freed.wait(timeout: .now() + 10) == .success)
        #expect(Self.freedOnMaker.withLock { $0 } == false)
    }
}
