import Majordomo
import NewsbusTestSupport
import Testing

/// Matching replies to waiting request() calls, and their deadlines, without sockets.
@Suite("Client pending requests")
struct ClientPendingRequestsTests {
    typealias Pending = PendingRequests<ManualInstant, String>

    static func final(_ service: ServiceName?, _ text: String) -> ClientReply {
        ClientReply(kind: .final, service: service, body: [Array(text.utf8)])
    }

    @Test("A FINAL goes to the oldest waiter for its service; other services' replies are unclaimed")
    func matchingByService() throws {
        var pending = Pending()
        pending.add("a1", service: "a", timeout: .seconds(1), now: .zero)
        pending.add("b1", service: "b", timeout: .seconds(1), now: .zero)
        pending.add("a2", service: "a", timeout: .seconds(1), now: .zero)
        guard case .completed(let token, let service, let frames) = pending.deliver(Self.final("a", "x")) else {
            Issue.record("expected a completion")
            return
        }
        #expect(token == "a1" && service == "a" && frames == [Array("x".utf8)])
        guard case .unclaimed = pending.deliver(Self.final("c", "y")) else {
            Issue.record("a reply for an unknown service must be unclaimed")
            return
        }
        #expect(pending.count == 2)
    }

    @Test("PARTIAL bodies accumulate and come back before the FINAL body")
    func partials() {
        var pending = Pending()
        pending.add("t", service: "a", timeout: .seconds(1), now: .zero)
        guard case .progressed = pending.deliver(ClientReply(kind: .partial, service: "a", body: [[1], [2]])) else {
            Issue.record("a PARTIAL must keep the waiter")
            return
        }
        guard case .completed(_, _, let frames) = pending.deliver(ClientReply(kind: .final, service: "a", body: [[3]]))
        else {
            Issue.record("expected a completion")
            return
        }
        #expect(frames == [[1], [2], [3]])
        #expect(pending.count == 0)
    }

    @Test("A reply without a service (majortomo dialect) goes to the oldest waiter of all")
    func majortomoReplies() {
        var pending = Pending()
        pending.add("first", service: "a", timeout: .seconds(1), now: .zero)
        pending.add("second", service: "b", timeout: .seconds(1), now: .zero)
        guard case .completed(let token, _, _) = pending.deliver(Self.final(nil, "x")) else {
            Issue.record("expected a completion")
            return
        }
        #expect(token == "first")
    }

    @Test("Only waiters whose deadline has come expire; the next deadline is the earliest")
    func expiry() {
        var pending = Pending()
        pending.add("short", service: "a", timeout: .milliseconds(100), now: .zero)
        pending.add("long", service: "a", timeout: .milliseconds(300), now: .zero)
        #expect(pending.nextDeadline == ManualInstant(offset: .milliseconds(100)))
        #expect(pending.expire(now: ManualInstant(offset: .milliseconds(99))).isEmpty)
        let expired = pending.expire(now: ManualInstant(offset: .milliseconds(100)))
        #expect(expired.map(\.token) == ["short"])
        #expect(expired.first?.timeout == .milliseconds(100))
        #expect(pending.nextDeadline == ManualInstant(offset: .milliseconds(300)))
        #expect(pending.removeAll().map(\.token) == ["long"])
        #expect(pending.nextDeadline == nil)
    }

    @Test("With nobody waiting every reply is unclaimed")
    func nobodyWaiting() {
        var pending = Pending()
        guard case .unclaimed = pending.deliver(Self.final("a", "x")) else {
            Issue.record("expected unclaimed")
            return
        }
    }

    @Test("An abandoned waiter swallows its late reply, so the next waiter gets its own")
    func abandoned() {
        var pending = Pending()
        pending.add("gave up", service: "a", timeout: .seconds(1), now: .zero)
        pending.add("next", service: "a", timeout: .seconds(1), now: .zero)
        #expect(pending.abandon { $0 == "gave up" } == "gave up")
        #expect(pending.abandon { $0 == "gave up" } == nil, "a waiter is abandoned once")
        guard case .discarded = pending.deliver(Self.final("a", "late")) else {
            Issue.record("the late reply must be discarded")
            return
        }
        guard case .completed(let token, _, let frames) = pending.deliver(Self.final("a", "mine")) else {
            Issue.record("expected a completion")
            return
        }
        #expect(token == "next" && frames == [Array("mine".utf8)])
    }
}
