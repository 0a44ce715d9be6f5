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

    /// A request the worker holds: the client it answers, how to talk to that client, and
    /// what the broker needs to give the request to another worker should this one leave.
    struct Assignment: Hashable {
        let client: PeerIdentity
        let clientDialect: Dialect
        /// The request body, kept until the FINAL (the frames are shared, not copied).
        let body: [[UInt8]]
        /// How often the request went back to the queue before (see ``PendingRequest/requeues``).
        let requeues: Int
        /// Whether a PARTIAL for it has gone to the client: it cannot be started afresh then.
        var answeredInPart = false
    }

    /// What the broker needs after a worker answered: where the reply goes, and whether the
    /// worker had no credit left before a FINAL freed one.
    struct Answer {
        let service: ServiceName
        let clientDialect: Dialect
        let hadNoCredit: Bool
    }

    // The broker changes records in place through these (one `modify` access each): reading a
    // field through `Dictionary.Values`' getter copies the whole record, retains and all.

    /// Hands the worker `assignment`; returns its dialect and whether it has credit left.
    mutating func take(_ assignment: Assignment, credit: Int, nextHeartbeat: Instant) -> (Dialect, hasCredit: Bool) {
        assignments.append(assignment)
        self.nextHeartbeat = nextHeartbeat
        return (dialect, assignments.count < credit)
    }

    /// Notes a PARTIAL or FINAL for `client` heard at `now`: the oldest request held for that
    /// client answers it (workers answer in order), and a FINAL releases it. `nil` when the worker
    /// holds no request for `client` (nothing changes then).
    mutating func answer(client: PeerIdentity, isFinal: Bool, credit: Int, now: Instant) -> Answer? {
        guard let index = assignments.firstIndex(where: { $0.client == client }) else { return nil }
        lastHeard = now
        let answer = Answer(
            service: service, clientDialect: assignments[index].clientDialect, hadNoCredit: assignments.count >= credit)
        if isFinal {
            assignments.remove(at: index)
            if assignments.isEmpty { idleSince = now }
        } else {
            assignments[index].answeredInPart = true
        }
        return answer
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
    /// How often it went back to the queue because the worker holding it left (see
    /// ``BrokerStateMachine/requeueLimit``).
    var requeues = 0
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

    /// Queues `request` unless `limit` requests already wait; false when refused.
    mutating func enqueue(_ request: PendingRequest<Instant>, limit: Int) -> Bool {
        guard requests.count < limit else { return false }
        requests.append(request)
        return true
    }

    /// Takes the next worker that may take a request and the oldest waiting request, when there
    /// are both (in place: see ``WorkerRecord``).
    mutating func nextPairing() -> (PeerIdentity, PendingRequest<Instant>)? {
        guard !idle.isEmpty, let request = requests.popFirst() else { return nil }
        return (idle.removeFirst(), request)
    }

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

    /// Puts `elements` back at the front, in their order, ahead of everything waiting.
    mutating func prepend(contentsOf elements: [Element]) {
        guard !elements.isEmpty else { return }
        if head >= elements.count {
            head -= elements.count
            storage.replaceSubrange(head..<(head + elements.count), with: elements)
        } else {
            storage.replaceSubrange(0..<head, with: elements)
            head = 0
        }
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
