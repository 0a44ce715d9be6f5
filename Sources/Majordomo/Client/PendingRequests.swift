/// The ``ClientConnection/request(service:body:timeout:)`` calls waiting for their reply, with
/// their deadlines: a pure value the client loop steps with `now`.
///
/// MDP carries no request id, so a reply goes to the oldest waiter for the service it names
/// (in the majortomo dialect replies name no service: the oldest waiter of all). A waiter
/// collects PARTIAL bodies and completes on FINAL with every frame in order. A waiter whose
/// caller gave up (task cancelled) is kept, abandoned, until its reply or deadline, so that its
/// late reply cannot answer a later request.
package struct PendingRequests<Instant: InstantProtocol, Token> where Instant.Duration == Duration {
    /// One waiting request.
    package struct Waiter {
        /// What to resume when the request ends.
        package let token: Token
        /// The service asked.
        package let service: ServiceName
        /// The timeout the caller gave.
        package let timeout: Duration
        /// When the request times out.
        package let deadline: Instant
        /// Body frames of the PARTIAL replies so far.
        package var parts: [[UInt8]]
        /// True once the caller stopped waiting: its token was already resumed.
        package var isAbandoned: Bool
    }

    /// What a reply did.
    package enum Outcome {
        /// A waiter's FINAL arrived: resume it with these frames (PARTIAL bodies, then FINAL body).
        case completed(Token, service: ServiceName, frames: [[UInt8]])
        /// A waiter got a PARTIAL and keeps waiting.
        case progressed
        /// The reply belonged to an abandoned waiter: drop it.
        case discarded
        /// No waiter wants it: it belongs to a fire-and-forget ``ClientConnection/send(service:body:)``.
        case unclaimed
    }

    private var waiters: [Waiter] = []

    /// No waiters.
    package init() {}

    /// How many requests wait.
    package var count: Int {
        waiters.count
    }

    /// The earliest deadline, if any request waits.
    package var nextDeadline: Instant? {
        waiters.lazy.map(\.deadline).min()
    }

    /// Starts waiting for a reply from `service`, until `now + timeout`.
    package mutating func add(_ token: Token, service: ServiceName, timeout: Duration, now: Instant) {
        waiters.append(
            Waiter(
                token: token, service: service, timeout: timeout, deadline: now.advanced(by: timeout), parts: [],
                isAbandoned: false))
    }

    /// Routes a reply to its waiter.
    package mutating func deliver(_ reply: ClientReply) -> Outcome {
        guard let index = waiters.firstIndex(where: { reply.service == nil || $0.service == reply.service }) else {
            return .unclaimed
        }
        switch reply.kind {
        case .partial:
            waiters[index].parts += reply.body
            return .progressed
        case .final:
            let waiter = waiters.remove(at: index)
            if waiter.isAbandoned { return .discarded }
            return .completed(waiter.token, service: waiter.service, frames: waiter.parts + reply.body)
        }
    }

    /// Marks the first waiting (not yet abandoned) request matching `predicate` as abandoned and
    /// returns its token for the caller to resume; nil if none matches.
    package mutating func abandon(where predicate: (Token) -> Bool) -> Token? {
        guard let index = waiters.firstIndex(where: { !$0.isAbandoned && predicate($0.token) }) else { return nil }
        waiters[index].isAbandoned = true
        waiters[index].parts = []
        return waiters[index].token
    }

    /// Removes and returns every waiter whose deadline has come.
    package mutating func expire(now: Instant) -> [Waiter] {
        let expired = waiters.filter { $0.deadline <= now }
        waiters.removeAll { $0.deadline <= now }
        return expired
    }

    /// Removes and returns every waiter (on reset or shutdown).
    package mutating func removeAll() -> [Waiter] {
        defer { waiters = [] }
        return waiters
    }
}
