public import Foundation

/// A job's id: time-sortable and unique, e.g. `j-20251106-142233-a1b2c3`.
public struct JobID: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// The id as text.
    public let rawValue: String

    /// Wraps an existing id (from the store or the wire).
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// A new id for a job submitted at `date` (UTC), with six random hex digits from `random`.
    public static func make(at date: Date, using random: inout some RandomNumberGenerator) -> JobID {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func pad(_ value: Int?, _ width: Int) -> String {
            let text = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        let day = pad(parts.year, 4) + pad(parts.month, 2) + pad(parts.day, 2)
        let time = pad(parts.hour, 2) + pad(parts.minute, 2) + pad(parts.second, 2)
        let suffix = String(UInt32.random(in: 0..<0x100_0000, using: &random), radix: 16)
        return JobID("j-\(day)-\(time)-\(String(repeating: "0", count: 6 - suffix.count))\(suffix)")
    }

    /// The id as text.
    public var description: String { rawValue }

    /// Orders by text, which orders by submission time.
    public static func < (lhs: JobID, rhs: JobID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A chunk's id, unique within its job: `<article index>-<chunk index>` (both 0-based).
public struct ChunkID: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// The id as text, as carried in `ExtractRequest.chunk_id`.
    public let rawValue: String

    /// Wraps an id read from the wire or the store.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// The id of chunk `chunk` of article `article`.
    public init(article: Int, chunk: Int) {
        self.rawValue = "\(article)-\(chunk)"
    }

    /// The id as text.
    public var description: String { rawValue }

    /// Orders by article index, then chunk index (falling back to text for foreign ids).
    public static func < (lhs: ChunkID, rhs: ChunkID) -> Bool {
        switch (lhs.indices, rhs.indices) {
        case (let left?, let right?): left < right
        default: lhs.rawValue < rhs.rawValue
        }
    }

    /// The article and chunk indices of an id made by ``init(article:chunk:)``; `nil` for foreign ids.
    var indices: (article: Int, chunk: Int)? {
        let parts = rawValue.split(separator: "-")
        guard parts.count == 2, let article = Int(parts[0]), let chunk = Int(parts[1]) else { return nil }
        return (article, chunk)
    }
}

/// A chunk in the whole system: which job and which chunk.
public struct ChunkKey: Hashable, Sendable, CustomStringConvertible {
    /// The job the chunk belongs to.
    public var job: JobID
    /// The chunk within the job.
    public var chunk: ChunkID

    /// Creates a key.
    public init(job: JobID, chunk: ChunkID) {
        self.job = job
        self.chunk = chunk
    }

    /// `job/chunk`: the form carried in `chunk_id` on the wire, unique across jobs.
    public var description: String { "\(job)/\(chunk)" }

    /// Parses the wire form `job/chunk`, or `nil` when it has no `/` or an empty part.
    public init?(wire: String) {
        guard let slash = wire.lastIndex(of: "/") else { return nil }
        let job = wire[..<slash]
        let chunk = wire[wire.index(after: slash)...]
        guard !job.isEmpty, !chunk.isEmpty else { return nil }
        self.init(job: JobID(String(job)), chunk: ChunkID(String(chunk)))
    }
}
