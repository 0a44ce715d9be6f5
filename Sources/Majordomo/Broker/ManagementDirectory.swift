/// The broker's answers to the cluster-view management services, `mmi.workers` and `mmi.services`
/// (newsbus extensions in RFC 8's `mmi.` namespace, answered by the broker like `mmi.service`).
///
/// A reply body is a "200" frame followed by one frame per entry; each entry frame is UTF-8 text
/// with tab-separated fields, in the order of the entry type's stored properties. Encoding and
/// decoding live here, side by side.
public enum ManagementDirectory {
    /// `mmi.workers`: every registered worker.
    public static let workersService: ServiceName = "mmi.workers"
    /// `mmi.services`: every service with workers or waiting requests.
    public static let servicesService: ServiceName = "mmi.services"

    /// One registered worker.
    public struct Worker: Hashable, Sendable {
        /// The service it serves.
        public var service: String
        /// The peer's address as libzmq saw it at READY (`Peer-Address`; `-` when not known, e.g. inproc).
        public var address: String
        /// The routing id, as printed in logs.
        public var identity: String
        /// True while it works on a request.
        public var isBusy: Bool
        /// Milliseconds since it became idle (0 while busy).
        public var idleMilliseconds: Int
        /// Milliseconds since the broker last heard from it.
        public var silentMilliseconds: Int

        /// A worker entry.
        public init(
            service: String, address: String, identity: String, isBusy: Bool, idleMilliseconds: Int,
            silentMilliseconds: Int
        ) {
            self.service = service
            self.address = address
            self.identity = identity
            self.isBusy = isBusy
            self.idleMilliseconds = idleMilliseconds
            self.silentMilliseconds = silentMilliseconds
        }

        var fields: [String] {
            [service, address, identity, isBusy ? "busy" : "idle", "\(idleMilliseconds)", "\(silentMilliseconds)"]
        }

        init?(fields: [Substring]) {
            guard fields.count == 6, let idle = Int(fields[4]), let silent = Int(fields[5]),
                fields[3] == "busy" || fields[3] == "idle"
            else { return nil }
            self.init(
                service: String(fields[0]), address: String(fields[1]), identity: String(fields[2]),
                isBusy: fields[3] == "busy", idleMilliseconds: idle, silentMilliseconds: silent)
        }
    }

    /// One service the broker tracks.
    public struct Service: Hashable, Sendable {
        /// The service name.
        public var name: String
        /// Workers registered, idle or busy.
        public var workers: Int
        /// Idle workers.
        public var idle: Int
        /// Requests waiting for a worker (the queue depth).
        public var queued: Int

        /// A service entry.
        public init(name: String, workers: Int, idle: Int, queued: Int) {
            self.name = name
            self.workers = workers
            self.idle = idle
            self.queued = queued
        }

        var fields: [String] { [name, "\(workers)", "\(idle)", "\(queued)"] }

        init?(fields: [Substring]) {
            guard fields.count == 4, let workers = Int(fields[1]), let idle = Int(fields[2]), let queued = Int(fields[3])
            else { return nil }
            self.init(name: String(fields[0]), workers: workers, idle: idle, queued: queued)
        }
    }

    /// Why a directory reply could not be read.
    public struct Unreadable: Error, CustomStringConvertible {
        /// What was wrong.
        public let reason: String

        /// The reason, with what to check.
        public var description: String {
            "the broker's management reply is unreadable: \(reason); is the broker a newsbus broker of the same version?"
        }
    }

    /// The reply body for `entries`.
    static func body(_ entries: [[String]]) -> [[UInt8]] {
        [Array("200".utf8)] + entries.map { fields in
            Array(fields.map { $0.replacing("\t", with: " ") }.joined(separator: "\t").utf8)
        }
    }

    /// Reads an `mmi.workers` reply.
    public static func workers(from body: [[UInt8]]) throws(Unreadable) -> [Worker] {
        try entries(body) { Worker(fields: $0) }
    }

    /// Reads an `mmi.services` reply.
    public static func services(from body: [[UInt8]]) throws(Unreadable) -> [Service] {
        try entries(body) { Service(fields: $0) }
    }

    private static func entries<Entry>(
        _ body: [[UInt8]], _ make: ([Substring]) -> Entry?
    ) throws(Unreadable) -> [Entry] {
        guard let status = body.first.map({ String(decoding: $0, as: UTF8.self) }) else {
            throw Unreadable(reason: "empty body")
        }
        guard status == "200" else {
            throw Unreadable(reason: "status \(status) (\"501\": the broker predates this query)")
        }
        var result: [Entry] = []
        for frame in body.dropFirst() {
            let text = String(decoding: frame, as: UTF8.self)
            guard let entry = make(text.split(separator: "\t", omittingEmptySubsequences: false)) else {
                throw Unreadable(reason: "entry '\(text)'")
            }
            result.append(entry)
        }
        return result
    }
}
