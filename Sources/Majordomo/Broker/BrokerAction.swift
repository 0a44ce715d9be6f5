/// What the broker loop must do after the state machine handled an input.
public enum BrokerAction: Hashable, Sendable {
    /// Send `command` to worker `worker` in its dialect.
    case sendToWorker(PeerIdentity, WorkerCommand, Dialect)
    /// Send `reply` to client `client` in its dialect.
    case sendToClient(PeerIdentity, ClientReply, Dialect)
    /// Something worth logging happened.
    case event(BrokerEvent)

    /// The frames to hand the ROUTER socket (routing id first), or `nil` for an event.
    public var routerFrames: [[UInt8]]? {
        var frames: [[UInt8]] = []
        return appendRouterFrames(to: &frames) ? frames : nil
    }

    /// Appends the frames to hand the ROUTER socket (routing id first) to `frames`, so a loop can
    /// reuse one frame list for every message; returns `false` (appending nothing) for an event.
    func appendRouterFrames(to frames: inout [[UInt8]]) -> Bool {
        switch self {
        case .sendToWorker(let worker, let command, let dialect):
            frames.reserveCapacity(frames.count + 6 + command.bodyCount)
            frames.append(worker.bytes)
            command.append(to: &frames, dialect: dialect)
        case .sendToClient(let client, let reply, let dialect):
            frames.reserveCapacity(frames.count + 5 + reply.body.count)
            frames.append(client.bytes)
            reply.append(to: &frames, dialect: dialect)
        case .event:
            return false
        }
        return true
    }
}

extension BrokerAction {
    /// The worker this action sends to, if it sends to one.
    var worker: PeerIdentity? {
        if case .sendToWorker(let worker, _, _) = self { worker } else { nil }
    }

    /// The client and body of the request this action sends to `worker`, if it is one.
    func request(for worker: PeerIdentity) -> (client: PeerIdentity, body: [[UInt8]])? {
        guard case .sendToWorker(worker, .request(let client, let body), _) = self else { return nil }
        return (client, body)
    }
}

/// A change in the broker's state worth a log line; the state machine reports, the loop logs.
public enum BrokerEvent: Hashable, Sendable {
    /// A worker sent READY and now serves `service`.
    case workerReady(PeerIdentity, ServiceName)
    /// A worker sent DISCONNECT; `requeued` requests it held went back to the queue, and
    /// `lostRequest` says it held one that could not (answered in part, or requeued too often).
    case workerDisconnected(PeerIdentity, ServiceName, requeued: Int, lostRequest: Bool)
    /// A worker was silent too long and was removed (a DISCONNECT is sent in case it lives).
    case workerExpired(PeerIdentity, ServiceName, lostRequest: Bool)
    /// A worker's connection was found gone when the broker sent to it (libzmq knows at once
    /// when a worker is killed or cut off), and it was removed without waiting for it to expire;
    /// `requeued` requests being sent to it went back to the queue; `lostRequest` says it held
    /// requests already sent to it, which are lost.
    case workerUnreachable(PeerIdentity, ServiceName, requeued: Int, lostRequest: Bool)
    /// A peer broke the protocol (e.g. a command out of order) and was sent DISCONNECT.
    case protocolViolation(PeerIdentity, reason: String)
    /// A request was refused because its service's queue is full.
    case queueFull(ServiceName, client: PeerIdentity)
    /// A request waited longer than the request timeout and was answered with an error.
    case requestExpired(ServiceName, client: PeerIdentity)
}
