#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The end of a one-shot command (`run`, `extract`) that succeeded and has written everything.
enum ProcessEnd {
    /// Exits with status 0 here instead of returning: returning would first free the models and
    /// the job's in-memory data object by object (10-25 ms after a 1,000-article `run`), memory the
    /// kernel takes back at once anyway. `exit` still flushes standard output; files and the store
    /// are closed by then.
    static func succeeded() -> Never {
        exit(EXIT_SUCCESS)
    }
}
