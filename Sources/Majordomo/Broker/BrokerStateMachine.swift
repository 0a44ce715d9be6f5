/// The rules of an MDP 0.2 broker (RFC 18, with RFC 8's `mmi.service`), with no sockets and no
/// clock: each method takes the time as `now` and returns the ``BrokerAction``s to carry out.
///
/// * A worker's READY registers it under its service (found or created) as idle.
/// * A client's REQUEST goes to the longest-idle worker of its service, or waits in the
///   service's queue (at most ``BrokerConfiguration/queueLimit`` requests; past that the
///   client gets a 503 ``BrokerErrorReply``).
/// * A worker's PARTIAL and FINAL go to the client it is serving; after FINAL it is idle again.
/// * With ``BrokerConfiguration/workerCredit`` N above 1, a worker may hold up to N requests
///   (it serves them in order from its socket); workers with credit left take requests in
///   turn, and a reply goes to the oldest request the worker holds for the client it names.
///   A worker that expires or vanishes loses every request it holds, as classic MDP loses one.
/// * A worker that says DISCONNECT holding requests (a worker stopping sends its replies first,
///   then DISCONNECT, so these are requests it never served) hands them back: they go to the
///   front of the queue for other workers, at most ``requeueLimit`` times each, and never one
///   the client already has a PARTIAL for.
/// * Workers hear a HEARTBEAT every interval; a worker silent for interval × liveness (or
///   ``BrokerConfiguration/busyWorkerTimeout`` while busy) is expired.
/// * A worker the loop cannot send to because its connection is gone is forgotten at once
///   (``workerUnreachable(_:undelivered:now:into:)``); a request that was being sent to it goes
///   back to the front of its queue.
/// * A worker that breaks the protocol (a command out of order, READY twice, a reply to a
///   client it is not serving) is sent DISCONNECT and forgotten.
/// * Every peer is answered in the ``Dialect`` it spoke.
public struct BrokerStateMachine<Instant: InstantProtocol> where Instant.Duration == Duration {
    /// The settings in force.
    public let configuration: BrokerConfiguration
    var workers: [PeerIdentity: WorkerRecord<Instant>] = [:]
    var services: [ServiceName: ServiceRecord<Instant>] = [:]
    /// Workers' network addresses for `mmi.workers`, apart from the records the hot path copies.
    var addresses: [PeerIdentity: String] = [:]

    /// A broker with no workers and no services yet.
    public init(configuration: BrokerConfiguration) {
        self.configuration = configuration
    }

    /// Handles one parsed message.
    public mutating func receive(_ message: BrokerInbound, now: Instant) -> [BrokerAction] {
        var actions: [BrokerAction] = []
        // A reply and the next request for the worker, usually: one allocation, not two.
        actions.reserveCapacity(4)
        receive(message, now: now, into: &actions)
        return actions
    }

    /// Handles one parsed message, appending the actions to `actions` (a loop's reused outbox).
    public mutating func receive(_ message: BrokerInbound, now: Instant, into actions: inout [BrokerAction]) {
        switch message.content {
        case .client(let request):
            clientRequested(request, from: message.sender, dialect: message.dialect, now: now, into: &actions)
        case .worker(let command):
            workerSent(command, from: message.sender, dialect: message.dialect, now: now, into: &actions)
        }
    }

    /// Says goodbye: DISCONNECT to every worker, and a 503 to every client still waiting.
    public mutating func shutdown() -> [BrokerAction] {
        var actions: [BrokerAction] = []
        for identity in workers.keys.sorted(by: Self.order) {
            if let worker = workers[identity] {
                actions.append(.sendToWorker(identity, .disconnect, worker.dialect))
            }
        }
        for name in services.keys.sorted(by: { $0.bytes.lexicographicallyPrecedes($1.bytes) }) {
            for request in services[name]?.requests.removeAll() ?? [] {
                let error = BrokerErrorReply(status: .unavailable, reason: "the broker is shutting down; retry against a running broker")
                actions.append(.sendToClient(request.client, ClientReply(kind: .final, service: name, body: error.body), request.dialect))
            }
        }
        workers = [:]
        services = [:]
        return actions
    }

    // MARK: Introspection

    /// How many workers are registered for `service`, idle or busy.
    public func workerCount(for service: ServiceName) -> Int {
        services[service]?.workerCount ?? 0
    }

    /// How many workers of `service` are idle.
    public func idleWorkerCount(for service: ServiceName) -> Int {
        services[service]?.idle.count ?? 0
    }

    /// How many requests for `service` wait for a worker.
    public func queuedRequestCount(for service: ServiceName) -> Int {
        services[service]?.requests.count ?? 0
    }

    /// Every registered worker.
    public var workerIdentities: Set<PeerIdentity> {
        Set(workers.keys)
    }

    // MARK: Clients

    private mutating func clientRequested(
        _ request: ClientRequest, from client: PeerIdentity, dialect: Dialect, now: Instant,
        into actions: inout [BrokerAction]
    ) {
        if request.service.isManagement {
            actions.append(.sendToClient(client, managementReply(to: request, now: now), dialect))
            return
        }
        // One hash lookup on the common path: the service is known, and found by its slot.
        var slot = services.index(forKey: request.service)
        if slot == nil, services.count < configuration.serviceLimit {
            services[request.service] = ServiceRecord()
            slot = services.index(forKey: request.service)
        }
        guard let slot else {
            let error = BrokerErrorReply(
                status: .unavailable,
                reason: "the broker already tracks \(configuration.serviceLimit) services; "
                    + "check the service name or raise the service limit")
            actions.append(.sendToClient(client, ClientReply(kind: .final, service: request.service, body: error.body), dialect))
            actions.append(.event(.queueFull(request.service, client: client)))
            return
        }
        let limit = configuration.queueLimit
        let pending = PendingRequest(client: client, dialect: dialect, body: request.body, arrived: now)
        guard services.values[slot].enqueue(pending, limit: limit) else {
            if services.values[slot].isUnused { services.remove(at: slot) }
            let error = BrokerErrorReply(
                status: .unavailable,
                reason: "the queue for '\(request.service)' is full (\(limit) requests waiting); "
                    + "retry later or start more workers for it")
            actions.append(.sendToClient(client, ClientReply(kind: .final, service: request.service, body: error.body), dialect))
            actions.append(.event(.queueFull(request.service, client: client)))
            return
        }
        dispatch(at: slot, now: now, into: &actions)
    }

    /// Pairs workers of `name` that may take a request with its waiting requests, oldest
    /// first. A worker that still has credit after taking one goes to the back of the line, so
    /// with ``BrokerConfiguration/workerCredit`` above 1 the workers take requests in turn.
    mutating func dispatch(_ name: ServiceName, now: Instant, into actions: inout [BrokerAction]) {
        guard let service = services.index(forKey: name) else { return }
        dispatch(at: service, now: now, into: &actions)
    }

    /// ``dispatch(_:now:into:)`` for the service record at `service`.
    mutating func dispatch(
        at service: [ServiceName: ServiceRecord<Instant>].Index, now: Instant, into actions: inout [BrokerAction]
    ) {
        // Records are changed through their slots, in place (see workerSent).
        let credit = workerCredit
        let nextHeartbeat = now.advanced(by: configuration.heartbeatInterval)
        while let (identity, request) = services.values[service].nextPairing() {
            guard let worker = workers.index(forKey: identity) else { continue }
            let assignment = WorkerRecord<Instant>.Assignment(
                client: request.client, clientDialect: request.dialect, body: request.body, requeues: request.requeues)
            let (dialect, hasCredit) = workers.values[worker].take(
                assignment, credit: credit, nextHeartbeat: nextHeartbeat)
            if hasCredit {
                services.values[service].idle.append(identity)
            }
            actions.append(.sendToWorker(identity, .request(client: request.client, body: request.body), dialect))
        }
    }

    /// Runs `body` on the service record for `name` (created if new) in place, then forgets
    /// the service if nothing refers to it any more.
    mutating func updateService<Result>(_ name: ServiceName, _ body: (inout ServiceRecord<Instant>) -> Result) -> Result {
        let result = body(&services[name, default: ServiceRecord()])
        if services[name]?.isUnused == true {
            services[name] = nil
        }
        return result
    }

    /// How often one request may go back to the queue because the worker holding it said
    /// DISCONNECT: enough for workers stopped one after another, and a bound should a worker
    /// leave whenever it is given that request.
    public static var requeueLimit: Int { 3 }

    /// Requests one worker may hold at once (at least 1).
    var workerCredit: Int {
        max(1, configuration.workerCredit)
    }

    /// A deterministic order for peers, so actions come out the same way every run.
    static func order(_ first: PeerIdentity, _ second: PeerIdentity) -> Bool {
        first.bytes.lexicographicallyPrecedes(second.bytes)
    }
}
