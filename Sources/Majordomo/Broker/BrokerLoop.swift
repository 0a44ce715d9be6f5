import Logging
import ZeroMQ

/// The body of the broker thread: sockets, poll, parse, step, act.
final class BrokerLoop {
    /// What other threads ask of the loop.
    enum Command: Sendable, Equatable {
        /// Say goodbye to every peer, close and leave.
        case stop
    }

    let router: Socket
    let control: Mailbox<Command>
    /// The ZAP handler's socket, when CURVE clients are checked against an allow-list.
    let authentication: (socket: Socket, authenticator: ZAPAuthenticator)?
    let limits: FrameLimits
    var logger: Logger
    // The per-message state below is touched only by the loop thread and never while another
    // access to it is open, so the runtime's exclusivity bookkeeping (a call per access, per
    // message) is switched off for it.
    @exclusivity(unchecked) var machine: BrokerStateMachine<ContinuousClock.Instant>
    /// The actions of one batch of messages, carried out together (see ``receiveBatch()``).
    @exclusivity(unchecked) private var outbox: [BrokerAction] = []
    /// Receives ROUTER messages with shared arrays for the frames every message repeats.
    private let receiver = FrameReceiver()
    /// The frames of the message being sent, reused so sending allocates no frame list.
    @exclusivity(unchecked) private var outgoing: [[UInt8]] = []
    /// Keeps bad input from flooding the log.
    var malformedInput = PeerReportLog<ContinuousClock.Instant>()
    /// Keeps messages dropped for peers from flooding the log: one line per peer and period.
    var droppedMessages = PeerReportLog<ContinuousClock.Instant>(perPeer: 1)
    let clock = ContinuousClock()
    let metrics = BrokerMetrics()

    /// How many messages one poll wake-up handles before timers are checked again.
    static let batchSize = 256

    /// Opens the sockets, reports the bind result to `startup`, and serves until told to stop.
    static func run(broker: Broker, startup: Startup) {
        // Later stop() calls find nobody to wake, and return.
        defer { _ = broker.control.close() }
        let loop: BrokerLoop
        do {
            loop = try BrokerLoop(broker: broker)
            startup.finish(.success(try loop.bind(broker.configuration.bindEndpoints)))
        } catch {
            startup.finish(.failure(error))
            return
        }
        loop.serve()
    }

    private init(broker: Broker) throws(ZMQError) {
        let configuration = broker.configuration
        router = try Socket(broker.context, type: .router)
        try router.set(.maxMessageSize(Int64(configuration.maximumMessageSize)))
        // A message that cannot be queued for its peer (queue full, or the peer gone) fails its
        // send instead of vanishing, so the loop can log and count it (see perform).
        try router.set(.routerMandatory(true))
        try router.set(.sendHighWaterMark(Int32(clamping: configuration.peerQueueLimit)))
        // libzmq's own PINGs, answered by each peer's I/O thread even while a worker is busy: a
        // connection silent for the expiry time (a host cut off, no FIN) is closed, and the next
        // send to it finds the worker unreachable (a busy worker would otherwise wait for the
        // busy timeout).
        try router.set(.heartbeatInterval(configuration.heartbeatInterval))
        try router.set(.heartbeatTimeout(configuration.workerExpiry))
        control = broker.control
        authentication = try Self.secure(router, with: configuration.curve, in: broker.context)
        limits = configuration.frameLimits
        logger = broker.logger
        machine = BrokerStateMachine(configuration: configuration)
    }

    deinit {
        router.close()
        authentication?.socket.close()
    }

    /// Turns on CURVE for `router` and, with an allow-list, binds the ZAP handler socket.
    private static func secure(
        _ router: Socket, with curve: CurveServerConfiguration?, in context: Context
    ) throws(ZMQError) -> (socket: Socket, authenticator: ZAPAuthenticator)? {
        guard let curve else { return nil }
        try router.set(.curveServer(true))
        try router.set(.curveSecretKey(curve.secretKey))
        try router.set(.zapDomain("newsbus"))
        guard let allowed = curve.allowedClientKeys else { return nil }
        let socket = try Socket(context, type: .reply)
        try socket.bind(ZAPAuthenticator.endpoint)
        return (socket, ZAPAuthenticator(allowedKeys: allowed))
    }

    private func bind(_ endpoints: [String]) throws(ZMQError) -> [String] {
        var resolved: [String] = []
        for endpoint in endpoints {
            try router.bind(endpoint)
            resolved.append(try router.lastEndpoint)
        }
        logger.info("broker started", metadata: ["mdp.endpoints": .array(resolved.map { .string($0) })])
        return resolved
    }

    /// Polls until the next deadline, handles what arrived, runs the timers; ends on a stop
    /// signal (saying goodbye to every peer) or when the context is shut down.
    private func serve() {
        var poller = Poller()
        let routerIndex = poller.register(router)
        let controlIndex = control.descriptor.map { poller.register(fileDescriptor: $0) }
        let authenticationIndex = authentication.map { poller.register($0.socket) }
        do {
            while true {
                // Read once per wake-up: it walks every worker. A deadline moved by the messages
                // handled below only makes the tick find nothing due, and the next poll sees it.
                let machineDeadline = machine.nextDeadline()
                let reportDeadline = Self.earliest(malformedInput.nextDeadline, droppedMessages.nextDeadline)
                var timeout = Self.earliest(machineDeadline, reportDeadline).map {
                    max(clock.now.duration(to: $0), .zero)
                }
                if controlIndex == nil { timeout = min(timeout ?? .seconds(1), Mailbox<Command>.fallbackInterval) }
                try poller.poll(timeout: timeout)
                if controlIndex.map({ poller.events(at: $0).contains(.readable) }) ?? true,
                    control.take().contains(.stop)
                {
                    break
                }
                if let authenticationIndex, poller.events(at: authenticationIndex).contains(.readable) {
                    try authenticate()
                }
                if poller.events(at: routerIndex).contains(.readable) { try receiveBatch() }
                let now = clock.now
                if let machineDeadline, machineDeadline <= now {
                    try perform(machine.tick(now: now))
                }
                if let summary = malformedInput.summary(now: now) {
                    log(summary, "bad input from peers was dropped without a log line each")
                }
                if let summary = droppedMessages.summary(now: now) {
                    log(summary, "messages for peers were dropped without a log line each")
                }
            }
            try perform(machine.shutdown())
            logger.info("broker stopped")
        } catch ZMQError.terminated {
            logger.info("broker stopped: context shut down")
        } catch {
            logger.error("broker loop failed; restart the broker", metadata: ["mdp.error": "\(error)"])
        }
    }

    /// The earlier of two optional instants.
    private static func earliest(
        _ first: ContinuousClock.Instant?, _ second: ContinuousClock.Instant?
    ) -> ContinuousClock.Instant? {
        guard let first else { return second }
        guard let second else { return first }
        return min(first, second)
    }

    /// Answers one ZAP request from libzmq.
    private func authenticate() throws(ZMQError) {
        guard let (socket, authenticator) = authentication, let request = try socket.receive(dontWait: true) else { return }
        let decision = authenticator.decide(request)
        if !decision.admitted {
            let address = request.count > 3 ? String(decoding: request[3], as: UTF8.self) : "?"
            logger.info("connection refused: CURVE key not allowed", metadata: ["mdp.address": "\(address)"])
        }
        try socket.send(decision.reply)
    }

    /// Handles up to ``batchSize`` waiting messages without blocking, then sends what they
    /// asked for in one burst: libzmq then wakes its I/O thread once per burst and peer, not
    /// once per message.
    private func receiveBatch() throws(ZMQError) {
        defer { outbox.removeAll(keepingCapacity: true) }
        var received = 0
        var requests = 0
        defer { metrics.count(messages: received, requests: requests) }
        // One clock reading per batch: its messages arrived within microseconds of each other.
        let now = clock.now
        for _ in 0..<Self.batchSize {
            guard
                let (frames, address) = try receiver.receive(
                    from: router, dontWait: true, property: "Peer-Address", when: BrokerInbound.mayBeWorkerReady)
            else { break }
            received += 1
            let message: BrokerInbound
            do {
                message = try BrokerInbound.parse(routerFrames: frames, limits: limits)
            } catch {
                logMalformed(from: PeerIdentity(frames.first ?? []), error)
                continue
            }
            if logger.logLevel <= .trace {
                logger.trace("message received", metadata: ["mdp.peer": "\(message.sender)", "mdp.dialect": "\(message.dialect)"])
            }
            if case .client = message.content { requests += 1 }
            machine.receive(message, now: now, into: &outbox)
            if let address { machine.recordAddress(address, of: message.sender) }
        }
        try perform(outbox)
    }

    /// Sends what the state machine asked for and logs what it reported. Never waits: a message
    /// its peer's queue has no room for (the peer stopped reading) is dropped, as MDP lets a
    /// broker do, and logged and counted. A worker whose connection is gone is reported to the
    /// state machine at the first failed send; the requests this batch had for it are not sent
    /// but queued again, and whatever that leads to (a request for another worker) is sent next.
    private func perform(_ actions: [BrokerAction]) throws(ZMQError) {
        defer { outgoing.removeAll(keepingCapacity: true) }
        var unreachable: [PeerIdentity] = []
        var followUp: [BrokerAction] = []
        for (index, action) in actions.enumerated() {
            if !unreachable.isEmpty, let worker = action.worker, unreachable.contains(worker) { continue }
            outgoing.removeAll(keepingCapacity: true)
            guard action.appendRouterFrames(to: &outgoing) else {
                if case .event(let event) = action { log(event) }
                continue
            }
            do {
                if try !router.send(outgoing, dontWait: true) {
                    dropped(for: PeerIdentity(outgoing[0]), peerGone: false)
                }
            } catch ZMQError.terminated {
                throw ZMQError.terminated
            } catch ZMQError.hostUnreachable {
                guard let worker = action.worker else {
                    dropped(for: PeerIdentity(outgoing[0]), peerGone: true)
                    continue
                }
                unreachable.append(worker)
                let undelivered = actions[index...].compactMap { $0.request(for: worker) }
                if !machine.workerUnreachable(worker, undelivered: undelivered, now: clock.now, into: &followUp) {
                    dropped(for: worker, peerGone: true)
                }
            } catch {
                logger.debug(
                    "send failed", metadata: ["mdp.peer": "\(PeerIdentity(outgoing[0]))", "mdp.error": "\(error)"])
            }
        }
        if !followUp.isEmpty { try perform(followUp) }
    }
}
