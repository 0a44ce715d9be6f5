/// Decides which reports about peers the broker logs (bad input: malformed messages, protocol
/// violations; messages it had to drop for a peer), so that a flood of them does not become a
/// flood of log lines. The broker keeps one for each kind of report.
///
/// Each peer gets its first ``perPeer`` reports logged in full; later ones are only counted,
/// and once a ``period`` the count comes out as one summary line. Each period starts afresh.
/// At most ``peerLimit`` peers are remembered per period (a flood from many fresh routing ids
/// is counted, not logged). A pure value: callers pass `now` in.
package struct PeerReportLog<Instant: InstantProtocol> where Instant.Duration == Duration {
    /// What to do with one report.
    package enum Decision: Equatable {
        /// Log it in full.
        case log
        /// Log it, and say that further reports from this peer are only counted this period.
        case logLast
        /// Count it for the next summary.
        case suppress
    }

    /// Reports counted but not logged during one period.
    package struct Summary: Equatable {
        /// How many reports were not logged.
        package var suppressed: Int
        /// From how many peers (at least; peers past ``PeerReportLog/peerLimit`` are not told apart).
        package var peers: Int
        /// The period they were counted in.
        package var period: Duration
    }

    /// Reports per peer logged in full each period.
    package let perPeer: Int
    /// How often suppressed reports are summed up.
    package let period: Duration
    /// Peers remembered per period.
    package let peerLimit: Int
    private var counts: [PeerIdentity: Int] = [:]
    private var suppressed = 0
    private var suppressedPeers: Set<PeerIdentity> = []
    private var periodEnd: Instant?

    /// A log that lets `perPeer` reports per peer through every `period`.
    package init(perPeer: Int = 3, period: Duration = .seconds(10), peerLimit: Int = 1000) {
        self.perPeer = perPeer
        self.period = period
        self.peerLimit = peerLimit
    }

    /// Counts a report about `peer` at `now` and says whether to log it.
    package mutating func record(_ peer: PeerIdentity, now: Instant) -> Decision {
        if let end = periodEnd, now >= end, suppressed == 0 { startPeriod() }
        if periodEnd == nil { periodEnd = now.advanced(by: period) }
        let seen = counts[peer]
        guard seen != nil || counts.count < peerLimit else {
            suppressed += 1
            return .suppress
        }
        let count = (seen ?? 0) + 1
        counts[peer] = count
        if count < perPeer { return .log }
        if count == perPeer { return .logLast }
        suppressed += 1
        if suppressedPeers.count < peerLimit { suppressedPeers.insert(peer) }
        return .suppress
    }

    /// When ``summary(now:)`` next has something to say; nil while nothing is counted.
    package var nextDeadline: Instant? {
        suppressed > 0 ? periodEnd : nil
    }

    /// At the end of a period: what was suppressed (nil if nothing), and a fresh period.
    package mutating func summary(now: Instant) -> Summary? {
        guard let end = periodEnd, now >= end else { return nil }
        let summary = suppressed > 0 ? Summary(suppressed: suppressed, peers: max(suppressedPeers.count, 1), period: period) : nil
        startPeriod()
        return summary
    }

    private mutating func startPeriod() {
        counts = [:]
        suppressed = 0
        suppressedPeers = []
        periodEnd = nil
    }
}
