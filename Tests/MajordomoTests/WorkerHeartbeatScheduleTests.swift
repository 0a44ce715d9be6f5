import Majordomo
import NewsbusTestSupport
import Testing

/// RFC 18 heartbeat timing as a pure value, driven by manual instants.
@Suite("Heartbeat schedule")
struct WorkerHeartbeatScheduleTests {
    typealias Schedule = HeartbeatSchedule<ManualInstant>

    static func at(_ milliseconds: Int) -> ManualInstant {
        ManualInstant(offset: .milliseconds(milliseconds))
    }

    @Test(
        "A fresh schedule: heartbeat due after one interval, peer dead after liveness intervals", arguments: [1, 3, 5])
    func fresh(liveness: Int) {
        let schedule = Schedule(interval: .milliseconds(100), liveness: liveness, now: .zero)
        #expect(!schedule.isHeartbeatDue(at: Self.at(99)))
        #expect(schedule.isHeartbeatDue(at: Self.at(100)))
        #expect(!schedule.isPeerExpired(at: Self.at(100 * liveness - 1)))
        #expect(schedule.isPeerExpired(at: Self.at(100 * liveness)))
        #expect(schedule.nextDeadline == Self.at(100))
        #expect(schedule.silenceAllowed == .milliseconds(100 * liveness))
    }

    @Test("Sending anything postpones the next heartbeat by one interval, not the expiry")
    func sending() {
        var schedule = Schedule(interval: .milliseconds(100), liveness: 3, now: .zero)
        schedule.sentToPeer(at: Self.at(80))
        #expect(!schedule.isHeartbeatDue(at: Self.at(179)))
        #expect(schedule.isHeartbeatDue(at: Self.at(180)))
        #expect(schedule.peerExpiry == Self.at(300))
    }

    @Test("Hearing from the peer keeps it alive for another liveness × interval")
    func hearing() {
        var schedule = Schedule(interval: .milliseconds(100), liveness: 3, now: .zero)
        schedule.heardFromPeer(at: Self.at(250))
        #expect(!schedule.isPeerExpired(at: Self.at(549)))
        #expect(schedule.isPeerExpired(at: Self.at(550)))
        #expect(schedule.nextHeartbeat == Self.at(100))
    }

    @Test("The next deadline is whichever of heartbeat and expiry comes first")
    func nextDeadline() {
        var schedule = Schedule(interval: .milliseconds(100), liveness: 2, now: .zero)
        schedule.sentToPeer(at: Self.at(150))
        #expect(schedule.nextDeadline == Self.at(200))
        schedule.sentToPeer(at: Self.at(190))
        #expect(schedule.nextDeadline == Self.at(200), "expiry at 200 comes before the heartbeat at 290")
    }
}
