extension BrokerStateMachine {
    /// The earliest time ``tick(now:)`` has work to do: a heartbeat to send, a worker to
    /// expire or a request to time out; `nil` when there is nothing to wait for.
    public func nextDeadline() -> Instant? {
        var deadline: Instant?
        func consider(_ instant: Instant) {
            if deadline.map({ instant < $0 }) ?? true { deadline = instant }
        }
        for worker in workers.values {
            consider(worker.nextHeartbeat)
            consider(expiry(of: worker))
        }
        if let timeout = configuration.requestTimeout {
            for service in services.values {
                if let oldest = service.requests.first { consider(oldest.arrived.advanced(by: timeout)) }
            }
        }
        return deadline
    }

    /// Does what is due at `now`: expires silent workers, sends heartbeats, and answers
    /// requests that waited too long.
    public mutating func tick(now: Instant) -> [BrokerAction] {
        var actions: [BrokerAction] = []
        expireWorkers(now: now, into: &actions)
        sendHeartbeats(now: now, into: &actions)
        expireRequests(now: now, into: &actions)
        return actions
    }

    /// When `worker` is expired unless heard from: interval × liveness after it was last
    /// heard, or the busy timeout if that is longer and it is working on a request.
    func expiry(of worker: WorkerRecord<Instant>) -> Instant {
        var allowed = configuration.workerExpiry
        if !worker.assignments.isEmpty, configuration.busyWorkerTimeout > allowed {
            allowed = configuration.busyWorkerTimeout
        }
        return worker.lastHeard.advanced(by: allowed)
    }

    private mutating func expireWorkers(now: Instant, into actions: inout [BrokerAction]) {
        let expired = workers.values.filter { expiry(of: $0) <= now }.map(\.identity).sorted(by: Self.order)
        for identity in expired {
            guard let worker = removeWorker(identity) else { continue }
            // The worker may be alive but cut off; DISCONNECT tells it to start over.
            actions.append(.sendToWorker(identity, .disconnect, worker.dialect))
            actions.append(.event(.workerExpired(identity, worker.service, lostRequest: !worker.assignments.isEmpty)))
        }
    }

    private mutating func sendHeartbeats(now: Instant, into actions: inout [BrokerAction]) {
        let due = workers.values.filter { $0.nextHeartbeat <= now }.map(\.identity).sorted(by: Self.order)
        for identity in due {
            guard let worker = workers[identity] else { continue }
            workers[identity]?.nextHeartbeat = now.advanced(by: configuration.heartbeatInterval)
            actions.append(.sendToWorker(identity, .heartbeat, worker.dialect))
        }
    }

    private mutating func expireRequests(now: Instant, into actions: inout [BrokerAction]) {
        guard let timeout = configuration.requestTimeout else { return }
        for name in services.keys.sorted(by: { $0.bytes.lexicographicallyPrecedes($1.bytes) }) {
            let expired = updateService(name) { service in
                var expired: [PendingRequest<Instant>] = []
                while let oldest = service.requests.first, oldest.arrived.advanced(by: timeout) <= now {
                    _ = service.requests.popFirst()
                    expired.append(oldest)
                }
                return expired
            }
            for request in expired {
                let error = BrokerErrorReply(
                    status: .expired,
                    reason: "no worker for '\(name)' took the request within \(timeout); start a worker for it and retry")
                actions.append(.sendToClient(request.client, ClientReply(kind: .final, service: name, body: error.body), request.dialect))
                actions.append(.event(.requestExpired(name, client: request.client)))
            }
        }
    }
}
