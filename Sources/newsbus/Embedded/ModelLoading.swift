import Extraction
import ExtractionModels
import Foundation
import Synchronization

/// The standard pipeline, loaded on a thread of its own from the moment this is created (model
/// loading is slow, synchronous work that must not occupy Swift concurrency's pool).
final class ModelLoading: Sendable {
    private enum State {
        case loading([CheckedContinuation<Pipeline, any Error>])
        case loaded(Result<Pipeline, any Error>)
    }

    private let state = Mutex(State.loading([]))

    /// Starts loading with `load` (the shipped models by default).
    init(load: @escaping @Sendable () throws -> Pipeline = { try ExtractionModels.standardPipeline() }) {
        let thread = Thread { [self] in
            let result = Result { try load() }
            let waiting = state.withLock { state in
                guard case .loading(let waiting) = state else { return [CheckedContinuation<Pipeline, any Error>]() }
                state = .loaded(result)
                return waiting
            }
            for continuation in waiting { continuation.resume(with: result) }
        }
        thread.name = "newsbus model loading"
        thread.start()
    }

    /// The pipeline, once loaded; throws what loading threw.
    func pipeline() async throws -> Pipeline {
        try await withCheckedThrowingContinuation { continuation in
            let result: Result<Pipeline, any Error>? = state.withLock { state in
                switch state {
                case .loading(var waiting):
                    waiting.append(continuation)
                    state = .loading(waiting)
                    return nil
                case .loaded(let result):
                    return result
                }
            }
            if let result { continuation.resume(with: result) }
        }
    }
}
