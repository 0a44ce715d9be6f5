import Foundation

/// The memory this process uses, read when asked (at scrape time, never on a hot path).
package enum ProcessMemory {
    /// Resident set size in bytes, from `/proc/self/statm` (Linux); `nil` where that is not available.
    package static func residentBytes() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = text.split(whereSeparator: \.isWhitespace)
        guard fields.count >= 2, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
