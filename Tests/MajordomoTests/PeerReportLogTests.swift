import Majordomo
import Testing

/// Which reports about peers (bad input, dropped messages) the broker logs, with time moved by hand.
@Suite("Broker log of reports about peers")
struct PeerReportLogTests {
    let a: PeerIdentity = "peer-a"
    let b: PeerIdentity = "peer-b"

    func at(_ seconds: Int) -> TestInstant {
        TestInstant(offset: .seconds(seconds))
    }

    @Test("Each peer's first reports are logged, the last of them says so, the rest are counted")
    func perPeer() {
        var log = PeerReportLog<TestInstant>(perPeer: 3, period: .seconds(10))
        let decisions = (0..<6).map { _ in log.record(a, now: at(0)) }
        #expect(decisions == [.log, .log, .logLast, .suppress, .suppress, .suppress])
        #expect(log.record(b, now: at(1)) == .log)
        #expect(log.nextDeadline == at(10))
    }

    @Test("At the end of the period one summary counts what was suppressed, and the next period starts afresh")
    func summary() {
        var log = PeerReportLog<TestInstant>(perPeer: 1, period: .seconds(10))
        _ = log.record(a, now: at(0))
        _ = log.record(a, now: at(1))
        _ = log.record(b, now: at(2))
        _ = log.record(b, now: at(3))
        _ = log.record(b, now: at(4))
        #expect(log.summary(now: at(9)) == nil)
        let summary = log.summary(now: at(10))
        #expect(summary?.suppressed == 3)
        #expect(summary?.peers == 2)
        #expect(summary?.period == .seconds(10))
        #expect(log.nextDeadline == nil)
        #expect(log.summary(now: at(30)) == nil)
        #expect(log.record(a, now: at(31)) == .logLast)
    }

    @Test("A quiet period with nothing suppressed needs no summary and resets the counts")
    func quietPeriod() {
        var log = PeerReportLog<TestInstant>(perPeer: 2, period: .seconds(10))
        #expect(log.record(a, now: at(0)) == .log)
        #expect(log.nextDeadline == nil)
        #expect(log.record(a, now: at(11)) == .log)
    }

    @Test("Past the peer limit, reports from fresh peers are counted, not logged")
    func peerLimit() {
        var log = PeerReportLog<TestInstant>(perPeer: 3, period: .seconds(10), peerLimit: 2)
        #expect(log.record(a, now: at(0)) == .log)
        #expect(log.record(b, now: at(0)) == .log)
        #expect(log.record("peer-c", now: at(0)) == .suppress)
        #expect(log.record(a, now: at(0)) == .log)
        #expect(log.summary(now: at(10))?.suppressed == 1)
    }
}
