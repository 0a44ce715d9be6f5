import Logging

extension BrokerLoop {
    /// Logs a state machine event: fixed text, data in `mdp.*` metadata.
    func log(_ event: BrokerEvent) {
        metrics.record(event)
        switch event {
        case .workerReady(let worker, let service):
            logger.info("worker ready", metadata: ["mdp.worker": "\(worker)", "mdp.service": "\(service)"])
        case .workerDisconnected(let worker, let service, let requeued, let lost):
            logger.info(
                "worker disconnected",
                metadata: [
                    "mdp.worker": "\(worker)", "mdp.service": "\(service)", "mdp.requests_requeued": "\(requeued)",
                    "mdp.request_lost": "\(lost)",
                ])
        case .workerExpired(let worker, let service, let lost):
            logger.info(
                "worker expired",
                metadata: ["mdp.worker": "\(worker)", "mdp.service": "\(service)", "mdp.request_lost": "\(lost)"])
        case .workerUnreachable(let worker, let service, let requeued, let lost):
            logger.info(
                "worker unreachable: its connection is gone",
                metadata: [
                    "mdp.worker": "\(worker)", "mdp.service": "\(service)", "mdp.requests_requeued": "\(requeued)",
                    "mdp.request_lost": "\(lost)",
                ])
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

    /// Counts a message the ROUTER could not queue for `peer` (its queue full, or the peer
    /// gone) and logs it, unless one was already logged for this peer this period.
    func dropped(for peer: PeerIdentity, peerGone: Bool) {
        metrics.countDrop(peerGone: peerGone)
        let decision = droppedMessages.record(peer, now: clock.now)
        guard decision != .suppress else { return }
        let note: Logger.Metadata =
            decision == .logLast ? ["mdp.note": "further drops for this peer are counted, not logged, this period"] : [:]
        if peerGone {
            // A client that left before its reply, a worker gone before it was expired: routine.
            logger.debug(
                "message dropped: the peer has disconnected", metadata: ["mdp.peer": "\(peer)"].merging(note) { $1 })
        } else {
            logger.warning(
                "message dropped: the peer is not reading",
                metadata: [
                    "mdp.peer": "\(peer)", "mdp.queue_limit": "\(machine.configuration.peerQueueLimit)",
                    "mdp.hint": "the peer takes messages slower than they come; MDP clients retry after their timeout",
                ].merging(note) { $1 })
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

    /// One line for the reports counted but not logged in the last period; `message` says what
    /// they were about.
    func log(_ summary: PeerReportLog<ContinuousClock.Instant>.Summary, _ message: String) {
        logger.warning(
            "\(message)",
            metadata: [
                "mdp.dropped": "\(summary.suppressed)", "mdp.peers": "\(summary.peers)",
                "mdp.period": "\(summary.period)",
            ])
    }

    /// The metadata that tells the reader a peer's further bad input is only counted.
    private static func lastNote(_ decision: PeerReportLog<ContinuousClock.Instant>.Decision) -> Logger.Metadata {
        decision == .logLast ? ["mdp.note": "further bad input from this peer is counted, not logged, this period"] : [:]
    }
}
