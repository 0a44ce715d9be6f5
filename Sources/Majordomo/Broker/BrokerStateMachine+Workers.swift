extension BrokerStateMachine {
    /// Handles a worker command (RFC 18, "MDP/Worker").
    mutating func workerSent(
        _ command: WorkerCommand, from identity: PeerIdentity, dialect: Dialect, now: Instant,
        into actions: inout [BrokerAction]
    ) {
        guard let worker = workers[identity] else {
            unknownWorkerSent(command, from: identity, dialect: dialect, now: now, into: &actions)
            return
        }
        switch command {
        case .heartbeat:
            workers[identity]?.lastHeard = now
        case .partial(let client, let body), .final(let client, let body):
            guard let assignment = worker.assignment, assignment.client == client else {
                violation(by: worker, "\(command.name) for client \(client), which it is not serving", into: &actions)
                return
            }
            workers[identity]?.lastHeard = now
            let isFinal = if case .final = command { true } else { false }
            let reply = ClientReply(kind: isFinal ? .final : .partial, service: worker.service, body: body)
            actions.append(.sendToClient(client, reply, assignment.clientDialect))
            if isFinal {
                workerBecameIdle(identity, now: now, into: &actions)
            }
        case .disconnect:
            removeWorker(identity)
            actions.append(.event(.workerDisconnected(identity, worker.service, lostRequest: worker.assignment != nil)))
        case .ready:
            violation(by: worker, "READY from a worker that is already registered", into: &actions)
        case .request:
            violation(by: worker, "REQUEST, which only the broker sends", into: &actions)
        }
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
                nextHeartbeat: now.advanced(by: interval), assignment: nil)
            updateService(service) { $0.workerCount += 1 }
            actions.append(.event(.workerReady(identity, service)))
            workerBecameIdle(identity, now: now, into: &actions)
        case .disconnect:
            break
        case .heartbeat, .request, .partial, .final:
            actions.append(.sendToWorker(identity, .disconnect, dialect))
            actions.append(.event(.protocolViolation(identity, reason: "\(command.name) from a worker that never sent READY")))
        }
    }

    /// Marks a worker idle (longest idle is served first) and gives it a waiting request, if any.
    private mutating func workerBecameIdle(_ identity: PeerIdentity, now: Instant, into actions: inout [BrokerAction]) {
        guard let service = workers[identity]?.service else { return }
        workers[identity]?.becomeIdle(at: now)
        updateService(service) { $0.idle.append(identity) }
        dispatch(service, now: now, into: &actions)
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
