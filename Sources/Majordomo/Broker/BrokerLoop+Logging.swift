import Logging

extension BrokerLoop {
    /// Logs a state machine event: fixed text, data in `mdp.*` metadata.
    func log(_ event: BrokerEvent) {
        metrics.record(event)
        switch event {
        case .workerReady(let worker, let service):
            logger.info("worker ready", metadata: ["mdp.worker": "\(worker)", "mdp.service": "\(service)"])
        case .workerDisconnected(let worker, let service, let lost):
            logger.info(
                "worker disconnected",
                metadata: ["mdp.worker": "\(worker)", "mdp.service": "\(service)", "mdp.request_lost": "\(lost)"])
        case .workerExpired(let worker, let service, let lost):
            logger.info(
                "worker expired",
                metadata: ["mdp.worker": "\(worker)", "mdp.service": "\(service)", "mdp.request_lost": "\(lost)"])
        case .protocolViolation(let peer, let reason):
            let decision = malformedInput.record(peer, now: clock.now)
            guard decision != .suppress else { return }
            logger.info(
                "worker disconnected for a protocol violation",
                metadata: ["mdp.worker": "\(peer)", "mdp.error": "\(reason)"].merging(Self.lastNote(decision)) { $1 })
        case .queueFull(let service, let client):
            logger.info("request refused: queue full", metadata: ["mdp.service": "\(service)", "mdp.client": "\(client)"])
        case .requestExpired(let service, let client):
            logger.info("request expired in queue", metadata: ["mdp.service": "\(service)", "mdp.client": "\(client)"])
        }
    }

    /// Logs a message that could not be parsed, unless this peer already sent too many.
    func logMalformed(from peer: PeerIdentity, _ error: MDPError) {
        let decision = malformedInput.record(peer, now: clock.now)
        guard decision != .suppress else { return }
        logger.info(
            "malformed message dropped",
            metadata: ["mdp.peer": "\(peer)", "mdp.error": "\(error)"].merging(Self.lastNote(decision)) { $1 })
    }

    /// One line for the bad input counted but not logged in the last period.
    func log(_ summary: MalformedInputLog<ContinuousClock.Instant>.Summary) {
        logger.warning(
            "bad input from peers was dropped without a log line each",
            metadata: [
                "mdp.dropped": "\(summary.suppressed)", "mdp.peers": "\(summary.peers)",
                "mdp.period": "\(summary.period)",
            ])
    }

    /// The metadata that tells the reader a peer's further bad input is only counted.
    private static func lastNote(_ decision: MalformedInputLog<ContinuousClock.Instant>.Decision) -> Logger.Metadata {
        decision == .logLast ? ["mdp.note": "further bad input from this peer is counted, not logged, this period"] : [:]
    }
}
