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
            logger.info("worker disconnected for a protocol violation", metadata: ["mdp.worker": "\(peer)", "mdp.error": "\(reason)"])
        case .queueFull(let service, let client):
            logger.info("request refused: queue full", metadata: ["mdp.service": "\(service)", "mdp.client": "\(client)"])
        case .requestExpired(let service, let client):
            logger.info("request expired in queue", metadata: ["mdp.service": "\(service)", "mdp.client": "\(client)"])
        }
    }
}
