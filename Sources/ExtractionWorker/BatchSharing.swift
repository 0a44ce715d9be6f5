import Dispatch
import Extraction
import Synchronization

/// The extraction threads of one worker process sharing their batches: while a thread is idle
/// (its last batch answered, no new one come), a thread part-way through a batch hands half of
/// the documents its current stage has not reached to a helper (a Dispatch thread, which runs on
/// the idle thread's core) and goes on with the other half; it answers once both are done.
///
/// MDP commits each request to the worker it was sent to, and a worker thread takes the chunks
/// waiting for it as one batch (up to its credit: 64 in `newsbus run`, ~125 ms of work). At the
/// end of a job one thread can so still be working through a whole batch while the others have
/// nothing left. The answers do not change: every stage annotates a document alike in any batch.
final class BatchSharing: Sendable {
    /// Fewest documents a stage must still have ahead for half of them to be handed on.
    static let smallestSplit = 4

    private struct State {
        /// Per thread, whether it is handling a batch, and since when it is not.
        var busy: [Bool]
        var idleSince: [ContinuousClock.Instant]
        /// Parts handed on and not yet finished: each keeps one idle thread's core busy.
        var helping = 0
    }

    private let state: Mutex<State>
    /// How long a thread must have been out of its handler to count as idle.
    private let patience: Duration
    private let handedOn = Atomic(0)

    /// Sharing among `threads` extraction threads, numbered from 0. `patience` should exceed the
    /// time a thread spends between the batches of a steady stream (sending its replies, taking
    /// the next requests: a few milliseconds at most), so only a thread left without work counts.
    init(threads: Int, patience: Duration = .milliseconds(5)) {
        let now = ContinuousClock.now
        state = Mutex(
            State(busy: Array(repeating: false, count: threads), idleSince: Array(repeating: now, count: threads)))
        self.patience = patience
    }

    /// How many parts of batches have been handed to helpers so far.
    var partsHandedOn: Int { handedOn.load(ordering: .relaxed) }

    /// Runs `body`, thread `thread`'s handling of one batch, with the thread counted busy meanwhile.
    func handling<Result>(on thread: Int, _ body: () -> Result) -> Result {
        state.withLock { $0.busy[thread] = true }
        defer {
            state.withLock { state in
                state.busy[thread] = false
                state.idleSince[thread] = .now
            }
        }
        return body()
    }

    /// `pipeline.run(batch: articles)`, with parts handed to helpers while threads are idle: a
    /// check before every step of the batch (``Pipeline/advance(_:)``).
    func run(_ articles: [Pipeline.Article], pipeline: Pipeline) -> [Result<Document, ExtractionError>] {
        var progress = pipeline.start(batch: articles)
        var parts: [HelperPart] = []
        repeat {
            while !pipeline.isFinished(progress), progress.waiting >= Self.smallestSplit, reserveHelper() {
                parts.append(HelperPart(progress.splitOff(progress.waiting / 2), pipeline: pipeline) { [self] in
                    state.withLock { $0.helping -= 1 }
                })
                handedOn.add(1, ordering: .relaxed)
            }
        } while pipeline.advance(&progress)
        return Pipeline.results(of: [progress] + parts.map { $0.finished() }, count: articles.count)
    }

    /// Counts one more part handed on, if more threads have been idle for `patience` than are
    /// helping already.
    private func reserveHelper() -> Bool {
        let now = ContinuousClock.now
        return state.withLock { state in
            let idle = state.busy.indices.count { !state.busy[$0] && state.idleSince[$0] + patience <= now }
            guard state.helping < idle else { return false }
            state.helping += 1
            return true
        }
    }
}

/// Part of a batch going through the rest of the pipeline on a Dispatch thread.
private final class HelperPart: Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let result = Mutex<BatchProgress?>(nil)

    /// Starts `part` through the stages it has left; `whenDone` runs once it is through.
    init(_ part: BatchProgress, pipeline: Pipeline, whenDone: @escaping @Sendable () -> Void) {
        DispatchQueue.global().async { [self] in
            var part = part
            while pipeline.advance(&part) {}
            result.withLock { $0 = part }
            whenDone()
            done.signal()
        }
    }

    /// The part once through every stage; waits until it is.
    func finished() -> BatchProgress {
        done.wait()
        guard let part = result.withLock({ $0 }) else { preconditionFailure("signalled before the part was stored") }
        return part
    }
}
