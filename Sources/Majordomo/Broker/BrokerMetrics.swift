import CoreMetrics

/// The broker's counters, made from the process's metrics factory when the loop starts (no-ops
/// unless the executable bootstrapped swift-metrics). The loop adds to them once per batch of
/// messages, not per message; gauges (queue depths, workers) are sampled at scrape time from
/// `mmi.services` instead, so the loop pays nothing for them.
struct BrokerMetrics {
    /// Messages received from clients and workers.
    let messages = Counter(label: "newsbus_broker_messages_received_total")
    /// Client requests received (management queries included).
    let requests = Counter(label: "newsbus_broker_requests_total")
    /// Requests refused because a queue was full, or that expired waiting.
    let refused = Counter(label: "newsbus_broker_requests_failed_total", dimensions: [("reason", "queue_full")])
    let expired = Counter(label: "newsbus_broker_requests_failed_total", dimensions: [("reason", "expired")])
    /// Workers that arrived, left, expired, were found unreachable or were disconnected for
    /// breaking the protocol.
    let workersReady = Counter(label: "newsbus_broker_worker_events_total", dimensions: [("event", "ready")])
    let workersGone = Counter(label: "newsbus_broker_worker_events_total", dimensions: [("event", "disconnected")])
    let workersExpired = Counter(label: "newsbus_broker_worker_events_total", dimensions: [("event", "expired")])
    let workersUnreachable = Counter(label: "newsbus_broker_worker_events_total", dimensions: [("event", "unreachable")])
    let violations = Counter(label: "newsbus_broker_worker_events_total", dimensions: [("event", "violation")])
    /// Requests lost because their worker went away mid-request (the client retries).
    let lostRequests = Counter(label: "newsbus_broker_requests_lost_total")
    /// Requests a departing worker held (it said DISCONNECT) or was being sent (its connection
    /// was gone) that went back to the queue for other workers.
    let requeuedRequests = Counter(label: "newsbus_broker_requests_requeued_total")
    /// Messages the broker could not queue for a peer: its queue was full (it stopped reading),
    /// or it had gone.
    let droppedNotReading = Counter(
        label: "newsbus_broker_messages_dropped_total", dimensions: [("reason", "peer_not_reading")])
    let droppedGone = Counter(label: "newsbus_broker_messages_dropped_total", dimensions: [("reason", "peer_gone")])

    /// Counts one batch of received messages, `requests` of them from clients.
    func count(messages received: Int, requests clientRequests: Int) {
        guard received > 0 else { return }
        messages.increment(by: received)
        if clientRequests > 0 { requests.increment(by: clientRequests) }
    }

    /// Counts a message dropped for a peer that stopped reading, or that had gone.
    func countDrop(peerGone: Bool) {
        (peerGone ? droppedGone : droppedNotReading).increment()
    }

    /// Counts one state machine event.
    func record(_ event: BrokerEvent) {
        switch event {
        case .workerReady: workersReady.increment()
        case .workerDisconnected(_, _, let requeued, let lost):
            workersGone.increment()
            if requeued > 0 { requeuedRequests.increment(by: requeued) }
            if lost { lostRequests.increment() }
        case .workerExpired(_, _, let lost):
            workersExpired.increment()
            if lost { lostRequests.increment() }
        case .workerUnreachable(_, _, let requeued, let lost):
            workersUnreachable.increment()
            if requeued > 0 { requeuedRequests.increment(by: requeued) }
            if lost { lostRequests.increment() }
        case .protocolViolation: violations.increment()
        case .queueFull: refused.increment()
        case .requestExpired: expired.increment()
        }
    }
}
