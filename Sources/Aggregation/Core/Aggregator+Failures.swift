extension Aggregator {
    /// Worker failure replies carry no chunk id field (MDP has no request id and the failure is
    /// plain text), so each reason is searched for the wire id (`job/chunk`) of a chunk in flight;
    /// newsbus workers name the chunk in every failure they can attribute. A match is a failed
    /// attempt (retried at once, or the article fails with the worker's reason after the last
    /// attempt); a reason naming no chunk in flight is dropped and the chunk waits for its timeout.
    mutating func receiveFailures(_ reasons: [String], into step: inout Step, now: Instant) {
        for reason in reasons {
            guard let key = chunkInFlight(namedIn: reason) else {
                step.dropped.append("worker failure naming no chunk in flight: \(reason)")
                continue
            }
            let (outcome, actions) = scheduler.receiveFailure(key, reason: reason, now: now)
            if outcome == .late { step.dropped.append("late worker failure for \(key)") }
            step.touched.insert(key.job)
            step.actions += actions
        }
    }

    /// The first word of `text` that is the wire id of a chunk in flight.
    func chunkInFlight(namedIn text: String) -> ChunkKey? {
        let words = text.split { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "/" || $0 == "_") }
        for word in words where word.contains("/") {
            if let key = ChunkKey(wire: String(word)), scheduler.isInFlight(key) { return key }
        }
        return nil
    }
}
