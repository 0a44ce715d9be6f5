extension BrokerStateMachine {
    /// Handles a worker command (RFC 18, "MDP/Worker").
    mutating func workerSent(
        _ command: WorkerCommand, from identity: PeerIdentity, dialect: Dialect, now: Instant,
        into actions: inout [BrokerAction]
    ) {
        // Records are read and changed through their slot, in place: a copy held across a
        // change would make Swift copy the record's assignments for every message.
        guard let slot = workers.index(forKey: identity) else {
            unknownWorkerSent(command, from: identity, dialect: dialect, now: now, into: &actions)
            return
        }
        switch command {
        case .heartbeat:
            workers.values[slot].lastHeard = now
        case .partial(let client, let body), .final(let client, let body):
            let isFinal = if case .final = command { true } else { false }
            let credit = workerCredit
            let answer = workers.values[slot].answer(client: client, isFinal: isFinal, credit: credit, now: now)
            guard let answer else {
                violation(by: workers.values[slot], "\(command.name) for client \(client), which it is not serving", into: &actions)
                return
            }
            let reply = ClientReply(kind: isFinal ? .final : .partial, service: answer.service, body: body)
            actions.append(.sendToClient(client, reply, answer.clientDialect))
            if isFinal {
                workerFinished(identity, answer, now: now, into: &actions)
            }
        case .disconnect:
            let worker = workers.values[slot]
            removeWorker(identity)
            // Its replies came before the DISCONNECT (one connection, in order): what it still
            // holds it never served, and goes to other workers.
            let requests = worker.assignments.filter { !$0.answeredInPart && $0.requeues < Self.requeueLimit }.map {
                PendingRequest(
                    client: $0.client, dialect: $0.clientDialect, body: $0.body, arrived: now, requeues: $0.requeues + 1)
            }
            updateService(worker.service) { $0.requests.prepend(contentsOf: requests) }
            let lost = worker.assignments.count > requests.count
            actions.append(.event(.workerDisconnected(identity, worker.service, requeued: requests.count, lostRequest: lost)))
            dispatch(worker.service, now: now, into: &actions)
        case .ready:
            violation(by: workers.values[slot], "READY from a worker that is already registered", into: &actions)
        case .request:
            violation(by: workers.values[slot], "REQUEST, which only the broker sends", into: &actions)
        }
    }

    /// The loop could not send to worker `identity`: libzmq reports its connection gone (the
    /// worker was killed or cut off). The broker learns that at its first send, long before the
    /// worker would expire (a busy one only after ``BrokerConfiguration/busyWorkerTimeout``), so
    /// the worker is forgotten now. `undelivered` are the requests the loop was sending it, oldest
    /// first: they never reached it, so they go back to the front of its service's queue, for
    /// other workers (their request timeout starts again). Requests it was sent before are lost
    /// with it, as with expiry. Returns `false` when the worker is not registered (it left or was
    /// removed already): the undelivered requests are dropped then, for want of their clients'
    /// dialects.
    @discardableResult
    public mutating func workerUnreachable(
        _ identity: PeerIdentity, undelivered: [(client: PeerIdentity, body: [[UInt8]])], now: Instant,
        into actions: inout [BrokerAction]
    ) -> Bool {
        guard let worker = removeWorker(identity) else { return false }
        // The undelivered requests are the worker's newest assignments for their clients.
        var held = worker.assignments
        var requeued: [PendingRequest<Instant>] = []
        for request in undelivered.reversed() {
            guard let index = held.lastIndex(where: { $0.client == request.client }) else { continue }
            requeued.append(
                PendingRequest(
                    client: request.client, dialect: held[index].clientDialect, body: request.body, arrived: now,
                    requeues: held[index].requeues))
            held.remove(at: index)
        }
        updateService(worker.service) { $0.requests.prepend(contentsOf: requeued.reversed()) }
        actions.append(
            .event(.workerUnreachable(identity, worker.service, requeued: requeued.count, lostRequest: !held.isEmpty)))
        dispatch(worker.service, now: now, into: &actions)
        return true
    }

    /// A command from a peer that never sent READY: READY registers it; DISCONNECT needs no
    /// answer; anything else gets DISCONNECT (RFC 18).
    private mutating func unknownWorkerSent(
        _ command: WorkerCommand, from identity: PeerIdentity, dialect: Dialect, now: Instant,
        into actions: inout [BrokerAction]
    ) {
        switch command {
        case .ready(let service) where service.isManagement:
            actions.append(.sendToWorker(identity, .disconnect, dialect))
            actions.append(.event(.protocolViolation(identity, reason: "READY for '\(service)': mmi.* services are the broker's own")))
        case .ready(let service):
            let interval = configuration.heartbeatInterval
            workers[identity] = WorkerRecord(
                identity: identity, service: service, dialect: dialect, lastHeard: now,
                nextHeartbeat: now.advanced(by: interval), idleSince: now)
            updateService(service) { $0.workerCount += 1 }
            actions.append(.event(.workerReady(identity, service)))
            updateService(service) { $0.idle.append(identity) }
            dispatch(service, now: now, into: &actions)
        case .disconnect:
            break
        case .heartbeat, .request, .partial, .final:
            actions.append(.sendToWorker(identity, .disconnect, dialect))
            actions.append(.event(.protocolViolation(identity, reason: "\(command.name) from a worker that never sent READY")))
        }
    }

    /// Forgets the request a worker just answered. A worker that had no credit left may take
    /// requests again (it joins the back of the line: longest idle is served first), and gets a
    /// waiting request, if any.
    private mutating func workerFinished(
        _ identity: PeerIdentity, _ answer: WorkerRecord<Instant>.Answer, now: Instant,
        into actions: inout [BrokerAction]
    ) {
        // A registered worker's service record exists (it counts the worker).
        guard let service = services.index(forKey: answer.service) else { return }
        if answer.hadNoCredit {
            services.values[service].idle.append(identity)
        }
        dispatch(at: service, now: now, into: &actions)
    }

    /// Disconnects a worker that broke the protocol.
    private mutating func violation(by worker: WorkerRecord<Instant>, _ reason: String, into actions: inout [BrokerAction]) {
        removeWorker(worker.identity)
        actions.append(.sendToWorker(worker.identity, .disconnect, worker.dialect))
        actions.append(.event(.protocolViolation(worker.identity, reason: reason)))
    }

    /// Takes a worker out of every structure: the one place a worker is removed.
    @discardableResult
    mutating func removeWorker(_ identity: PeerIdentity) -> WorkerRecord<Instant>? {
        guard let worker = workers.removeValue(forKey: identity) else { return nil }
        updateService(worker.service) { service in
            service.workerCount -= 1
            service.idle.removeAll { $0 == identity }
        }
        return worker
    }
}
