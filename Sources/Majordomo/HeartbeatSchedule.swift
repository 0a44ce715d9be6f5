/// When a peer connection should send its next heartbeat, and when the other side counts as
/// dead (RFC 18: a peer silent for `liveness × interval` is gone).
///
/// A pure value: callers pass `now` in, so tests drive it with manual instants. Any message
/// sent counts as a heartbeat, and any message received proves the peer alive.
package struct HeartbeatSchedule<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    /// How often to send a heartbeat when nothing else was sent.
    package let interval: Duration
    /// How many intervals of silence mean the peer is dead.
    package let liveness: Int
    /// When the next heartbeat is due.
    package private(set) var nextHeartbeat: Instant
    /// When the peer counts as dead unless heard from before.
    package private(set) var peerExpiry: Instant
    /// How long the peer may stay silent: `liveness × interval`, multiplied once (a `Duration`
    /// product goes through 128-bit arithmetic, and it is needed for every message received).
    package let silenceAllowed: Duration

    /// A schedule starting `now`, as if a message had just been sent and received.
    package init(interval: Duration, liveness: Int, now: Instant) {
        precondition(interval > .zero && liveness > 0, "heartbeat interval and liveness must be positive")
        self.interval = interval
        self.liveness = liveness
        silenceAllowed = interval * liveness
        nextHeartbeat = now.advanced(by: interval)
        peerExpiry = now.advanced(by: silenceAllowed)
    }

    /// Records a message from the peer: it is alive for another `liveness × interval`.
    package mutating func heardFromPeer(at now: Instant) {
        peerExpiry = now.advanced(by: silenceAllowed)
    }

    /// Records a message sent to the peer: no heartbeat needed for another `interval`.
    package mutating func sentToPeer(at now: Instant) {
        nextHeartbeat = now.advanced(by: interval)
    }

    /// True when a heartbeat should be sent now.
    package func isHeartbeatDue(at now: Instant) -> Bool {
        now >= nextHeartbeat
    }

    /// True when the peer has been silent too long.
    package func isPeerExpired(at now: Instant) -> Bool {
        now >= peerExpiry
    }

    /// The earliest instant at which ``isHeartbeatDue(at:)`` or ``isPeerExpired(at:)`` can change.
    package var nextDeadline: Instant {
        min(nextHeartbeat, peerExpiry)
    }
}
