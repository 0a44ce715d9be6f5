import Dispatch
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGINT and SIGTERM turned into an action instead of death, so a role can say goodbye to the
/// broker, finish its store writes and join its threads. Shared by every long-running command.
///
/// `@unchecked Sendable`: `sources` is immutable after `init`, and dispatch sources may be
/// cancelled from any thread.
final class TerminationSignals: @unchecked Sendable {
    private let sources: [any DispatchSourceSignal]

    /// Ignores SIGINT and SIGTERM's default action and runs `action` (on a private dispatch queue,
    /// never in Swift concurrency's pool) the first time either arrives.
    init(_ action: @escaping @Sendable () -> Void) {
        let queue = DispatchQueue(label: "newsbus.signals")
        let fired = Atomic(false)
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                if !fired.exchange(true, ordering: .relaxed) { action() }
            }
            source.resume()
            return source
        }
    }

    /// Suspends until SIGINT or SIGTERM arrives.
    static func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let signals = TerminationSignals { continuation.resume() }
            // Keep the sources alive until the process ends; they fire at most once.
            retained.withLock { $0.append(signals) }
        }
    }

    /// Stops listening (the signals' default actions stay ignored).
    func cancel() {
        sources.forEach { $0.cancel() }
    }

    private static let retained = Mutex<[TerminationSignals]>([])
}
