/// What the broker knows about one worker.
struct WorkerRecord<Instant: InstantProtocol> {
    /// The worker's routing id.
    let identity: PeerIdentity
    /// The service it said READY for.
    let service: ServiceName
    /// The dialect it spoke in READY, used for everything sent to it.
    let dialect: Dialect
    /// When it was last heard from (any command but DISCONNECT).
    var lastHeard: Instant
    /// When the broker next sends it a HEARTBEAT unless other traffic goes first.
    var nextHeartbeat: Instant
    /// The requests it holds, oldest first: at most one in classic MDP, up to
    /// ``BrokerConfiguration/workerCredit`` with credit.
    var assignments: [Assignment] = []

    /// The oldest request it holds, if any.
    var assignment: Assignment? {
        assignments.first
    }
    /// When it last became idle, holding no request (for `mmi.workers`).
    var idleSince: Instant? = nil

    /// The client a busy worker is answering, and how to talk to that client.
    struct Assignment: Hashable {
        let client: PeerIdentity
        let clientDialect: Dialect
    }
}

/// A client request waiting for a worker.
struct PendingRequest<Instant: InstantProtocol> {
    /// Who asked.
    let client: PeerIdentity
    /// The dialect the client spoke.
    let dialect: Dialect
    /// The request body, passed on untouched.
    let body: [[UInt8]]
    /// When it arrived, for the request timeout.
    let arrived: Instant
}

/// One service: its idle workers (longest idle first) and its waiting requests (oldest first).
struct ServiceRecord<Instant: InstantProtocol> {
    /// Workers of this service, idle or busy.
    var workerCount = 0
    /// Workers that may take another request (idle ones in classic MDP; with worker credit,
    /// those holding fewer requests than the credit), next to be served first.
    var idle: [PeerIdentity] = []
    /// Requests waiting for a worker.
    var requests = FIFO<PendingRequest<Instant>>()

    /// True when nothing refers to the service any more, so it can be forgotten.
    var isUnused: Bool {
        workerCount == 0 && requests.isEmpty
    }
}

/// A first-in first-out queue with O(1) amortised push and pop.
struct FIFO<Element> {
    private var storage: [Element] = []
    private var head = 0

    /// How many elements wait.
    var count: Int { storage.count - head }
    /// True when nothing waits.
    var isEmpty: Bool { head == storage.count }
    /// The oldest element.
    var first: Element? { isEmpty ? nil : storage[head] }

    /// Adds `element` at the back.
    mutating func append(_ element: Element) {
        storage.append(element)
    }

    /// Removes and returns the oldest element.
    mutating func popFirst() -> Element? {
        guard !isEmpty else { return nil }
        let element = storage[head]
        head += 1
        if head > 32, head * 2 > storage.count {
            storage.removeFirst(head)
            head = 0
        }
        return element
    }

    /// Removes and returns every element.
    mutating func removeAll() -> [Element] {
        defer {
            storage = []
            head = 0
        }
        return Array(storage[head...])
    }
}
