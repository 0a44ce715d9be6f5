import Logging
import ZeroMQ

/// The socket loop behind a ``WorkerConnection``; lives and dies on the connection's thread.
///
/// Poll until the next heartbeat or expiry deadline, decode what arrived, serve requests, then
/// keep the RFC 18 timers: heartbeat when quiet, reconnect when the broker went silent.
final class WorkerLoop {
    /// What other threads ask of the loop.
    enum Command: Sendable, Equatable {
        /// Say DISCONNECT, close and leave.
        case stop
    }

    /// How requests are answered: one at a time, or those waiting together as one batch.
    enum Serving: Sendable {
        case one(WorkerHandler)
        case batch(WorkerBatchHandler)
    }

    private typealias Instant = ContinuousClock.Instant

    private let context: Context
    private let configuration: WorkerConfiguration
    private let serving: Serving
    /// Requests received in the current batch, for a batch handler, and their body bytes.
    private var waiting: [(client: PeerIdentity, body: [[UInt8]])] = []
    private var waitingBytes = 0
    /// The most requests found waiting together since connecting (what a ``BatchGathering`` without
    /// a size gathers up to: in effect the broker's credit).
    private var mostSeenWaiting = 0
    private let mailbox: Mailbox<Command>
    private let logger: Logger
    private let clock = ContinuousClock()
    /// The socket to the broker; nil while waiting to reconnect.
    private var dealer: Socket?
    /// When to open a new socket, while ``dealer`` is nil.
    private var reconnectAt: Instant
    private var schedule: HeartbeatSchedule<Instant>
    /// Set when the context was shut down: leave without another word.
    private var terminated = false
    /// Receives the broker's messages with shared arrays for the frames every message repeats.
    private let receiver = FrameReceiver()
    /// The frames of the command being sent, reused so sending allocates no frame list.
    private var outgoing: [[UInt8]] = []
    /// When the batch of messages being handled began (see ``receiveBatch(from:)``).
    private var batchStart: Instant?

    init(
        context: Context, configuration: WorkerConfiguration, serving: Serving,
        mailbox: Mailbox<Command>, logger: Logger
    ) {
        self.context = context
        self.configuration = configuration
        self.serving = serving
        self.mailbox = mailbox
        self.logger = logger
        let now = clock.now
        reconnectAt = now
        schedule = HeartbeatSchedule(
            interval: configuration.heartbeatInterval, liveness: configuration.heartbeatLiveness, now: now)
    }

    /// Runs until stopped or the context shuts down.
    func run() {
        defer { _ = mailbox.close() }
        connect()
        do {
            try loop()
        } catch {
            if !(ZMQError.terminated ~= error) {
                logger.error("worker stopped on a socket error: \(error)")
            }
        }
        dealer?.close()
    }

    private func loop() throws(ZMQError) {
        var poller = Poller()
        var polledDealer: Socket? = nil
        var pollerBuilt = false
        var dealerIndex: Int? = nil
        var mailboxIndex: Int? = nil
        while !terminated {
            if !pollerBuilt || polledDealer !== dealer {
                pollerBuilt = true
                poller = Poller()
                mailboxIndex = mailbox.descriptor.map { poller.register(fileDescriptor: $0) }
                dealerIndex = dealer.map { poller.register($0) }
                polledDealer = dealer
            }
            var timeout = max(clock.now.duration(to: dealer == nil ? reconnectAt : schedule.nextDeadline), .zero)
            if mailboxIndex == nil { timeout = min(timeout, Mailbox<Command>.fallbackInterval) }
            try poller.poll(timeout: timeout)
            if mailboxIndex.map({ poller.events(at: $0).contains(.readable) }) ?? true, mailbox.take().last == .stop {
                sayGoodbye()
                return
            }
            if let dealer, dealer === polledDealer, let dealerIndex, poller.events(at: dealerIndex).contains(.readable) {
                try receiveBatch(from: dealer)
            }
            keepTimers(now: clock.now)
        }
    }

    /// Handles up to a batch of waiting messages, so one poll serves many. The clock is read
    /// twice per batch, not per message: sends in the batch count from its start (at worst a
    /// heartbeat goes out early), and the broker counts as heard when the batch ends, so time
    /// spent in the handler is ours, not the broker's silence. With ``BatchGathering`` a short
    /// batch waits a little for more requests before it is served.
    private func receiveBatch(from socket: Socket) throws(ZMQError) {
        var handled = 0
        let start = clock.now
        batchStart = start
        defer {
            batchStart = nil
            if handled > 0 { schedule.heardFromPeer(at: clock.now) }
        }
        defer { serveWaiting() }
        var received = 0
        let most = configuration.batchGathering.map { max(64, $0.size ?? 256) } ?? 64
        while received < most, waitingBytes < configuration.batchByteLimit, socket === dealer, !terminated {
            if let frames = try receiver.receive(from: socket, dontWait: true) {
                received += 1
                if handle(frames) { handled += 1 }
            } else if try !awaitMore(from: socket, since: start) {
                return
            }
        }
    }

    /// Whether more requests arrived for a short batch within ``WorkerConfiguration/batchGathering``'s
    /// patience; false at once when the batch is empty, full enough, or not gathered. A heartbeat
    /// or reconnect falling due cuts the wait short: gathering never delays the RFC 18 timers.
    private func awaitMore(from socket: Socket, since start: Instant) throws(ZMQError) -> Bool {
        guard let gathering = configuration.batchGathering, !waiting.isEmpty,
            waiting.count < gathering.size ?? mostSeenWaiting
        else {
            return false
        }
        let deadline = min(start.advanced(by: gathering.patience), schedule.nextDeadline)
        let remaining = clock.now.duration(to: deadline)
        guard remaining > .zero else { return false }
        var poller = Poller()
        poller.register(socket)
        // Whole milliseconds at the least, so a wait under one does not turn into a mere check.
        return try poller.poll(timeout: max(remaining, .milliseconds(1))) > 0
    }

    /// Carries out one message; false when it was malformed (and does not prove the broker alive).
    private func handle(_ frames: [[UInt8]]) -> Bool {
        let command: WorkerCommand
        do {
            (_, command) = try WorkerCommand.parse(frames, limits: configuration.frameLimits)
        } catch {
            logger.warning("dropped a malformed message from the broker: \(error)")
            return false
        }
        if case .request(let client, let body) = command, case .batch = serving {
            waiting.append((client, body))
            waitingBytes += body.reduce(0) { $0 + $1.count }
            mostSeenWaiting = max(mostSeenWaiting, waiting.count)
            return true
        }
        // Requests already taken are answered before anything else (a DISCONNECT drops the socket).
        serveWaiting()
        switch command {
        case .request(let client, let body):
            serve(client: client, body: body)
        case .heartbeat:
            logger.trace("HEARTBEAT from broker")
        case .disconnect:
            logger.info(
                "broker sent DISCONNECT; reconnecting", metadata: ["mdp.broker": "\(configuration.brokerEndpoint)"])
            reconnect(after: .zero)
        case .ready, .partial, .final:
            logger.warning("dropped a \(command.name) from the broker: only workers send that command")
        }
        return true
    }

    private func serve(client: PeerIdentity, body: [[UInt8]]) {
        guard case .one(let handler) = serving else { return }
        logger.trace("REQUEST", metadata: ["mdp.client": "\(client)", "frames": "\(body.count)"])
        let reply: [[UInt8]]
        do {
            reply = try handler(body) { part in send(.partial(client: client, body: part)) }
        } catch {
            logger.error("handler failed; answering with a failure reply: \(error)")
            reply = WorkerFailure.body(service: configuration.service, error: error)
        }
        send(.final(client: client, body: reply))
    }

    /// Answers the requests taken for a batch handler, in arrival order.
    private func serveWaiting() {
        guard case .batch(let handler) = serving, !waiting.isEmpty else { return }
        let batch = waiting
        waiting.removeAll(keepingCapacity: true)
        waitingBytes = 0
        logger.trace("REQUEST batch", metadata: ["requests": "\(batch.count)"])
        let results = handler(batch.map(\.body))
        for (index, request) in batch.enumerated() {
            let result = index < results.count ? results[index] : .failure(MissingBatchReply(count: results.count))
            let reply: [[UInt8]]
            switch result {
            case .success(let body):
                reply = body
            case .failure(let error):
                logger.error("handler failed; answering with a failure reply: \(error)")
                reply = WorkerFailure.body(service: configuration.service, error: error)
            }
            send(.final(client: request.client, body: reply))
        }
    }

    private func keepTimers(now: Instant) {
        guard dealer != nil else {
            if now >= reconnectAt { connect() }
            return
        }
        if schedule.isPeerExpired(at: now) {
            logger.warning(
                "no word from the broker for \(schedule.silenceAllowed); reconnecting in \(configuration.reconnectDelay)",
                metadata: ["mdp.broker": "\(configuration.brokerEndpoint)"])
            reconnect(after: configuration.reconnectDelay)
        } else if schedule.isHeartbeatDue(at: now) {
            send(.heartbeat)
        }
    }

    /// Opens a new socket and says READY; on failure, tries again after the reconnect delay.
    private func connect() {
        do {
            dealer = try openBrokerDealer(
                context: context, endpoint: configuration.brokerEndpoint, frameLimits: configuration.frameLimits,
                curveServerKey: configuration.curveServerKey, curveKeyPair: configuration.curveKeyPair)
        } catch {
            if ZMQError.terminated ~= error {
                terminated = true
            } else {
                logger.error("cannot connect to the broker at \(configuration.brokerEndpoint): \(error); retrying")
                reconnectAt = clock.now.advanced(by: configuration.reconnectDelay)
            }
            return
        }
        let now = clock.now
        schedule = HeartbeatSchedule(
            interval: configuration.heartbeatInterval, liveness: configuration.heartbeatLiveness, now: now)
        mostSeenWaiting = 0
        logger.debug("connecting to the broker", metadata: ["mdp.broker": "\(configuration.brokerEndpoint)"])
        send(.ready(configuration.service))
    }

    /// Drops the socket (and whatever it still queues) and connects afresh after `delay`.
    private func reconnect(after delay: Duration) {
        dealer?.close()
        dealer = nil
        reconnectAt = clock.now.advanced(by: delay)
        if delay == .zero { connect() }
    }

    /// Tells the broker this worker is leaving, giving the message a moment to go out (a process
    /// about to exit waits for that with ``ZeroMQ/Context/terminate(within:)``): the broker gives
    /// the requests this worker still holds to other workers when it reads the DISCONNECT.
    private func sayGoodbye() {
        guard let dealer else { return }
        send(.disconnect)
        try? dealer.set(.linger(.milliseconds(200)))
        dealer.close()
        self.dealer = nil
        logger.debug("worker stopped")
    }

    /// Sends `command` without blocking; a full queue (broker unreachable) drops it.
    private func send(_ command: WorkerCommand) {
        guard let dealer else { return }
        // Emptied after each send; and first, should a failed send's reconnect (its READY comes
        // through here) have left it full.
        if !outgoing.isEmpty { outgoing.removeAll(keepingCapacity: true) }
        defer { outgoing.removeAll(keepingCapacity: true) }
        command.append(to: &outgoing, dialect: configuration.dialect)
        do {
            if try dealer.send(outgoing, dontWait: true) {
                schedule.sentToPeer(at: batchStart ?? clock.now)
            } else {
                logger.warning("dropped \(command.name): the queue to the broker is full")
            }
        } catch {
            if ZMQError.terminated ~= error {
                terminated = true
            } else {
                logger.error("cannot send \(command.name) to the broker: \(error); reconnecting")
                reconnect(after: configuration.reconnectDelay)
            }
        }
    }
}

/// A batch handler returned fewer replies than it was given requests.
private struct MissingBatchReply: Error, CustomStringConvertible {
    let count: Int
    var description: String { "the batch handler returned only \(count) replies; every request needs one" }
}
