import Logging
import ZeroMQ

/// The socket loop behind a ``ClientConnection``; lives and dies on the connection's thread.
final class ClientLoop {
    /// A waiting ``ClientConnection/request(service:body:timeout:)`` call.
    typealias Continuation = CheckedContinuation<[[UInt8]], any Error>

    /// A request() call: its number (for cancellation) and where its answer goes.
    struct Caller {
        /// Unique per connection, increasing in the order calls began.
        let id: UInt64
        /// Resumed exactly once.
        let continuation: Continuation
    }

    /// What other threads ask of the loop.
    enum Command: Sendable {
        /// Send a request whose replies go to the stream.
        case send(ClientRequest)
        /// Send a request and resume the caller with its answer.
        case request(ClientRequest, timeout: Duration, caller: Caller)
        /// The task of request() call `id` was cancelled: resume it with `CancellationError`.
        case cancel(id: UInt64)
        /// Fail what waits, finish the stream, close and leave.
        case close
    }

    private typealias Instant = ContinuousClock.Instant

    private let context: Context
    private let configuration: ClientConfiguration
    private let mailbox: Mailbox<Command>
    private let replies: AsyncStream<ClientReply>.Continuation
    /// Takes the replies no request() call waits for, those read together at once (by default,
    /// yields them to `replies`).
    private let deliver: @Sendable ([ClientReply]) -> Void
    /// The unclaimed replies of the batch being read, handed to `deliver` when it ends.
    private var unclaimed: [ClientReply] = []
    private let logger: Logger
    private let clock = ContinuousClock()
    private var pending = PendingRequests<Instant, Caller>()
    /// Cancellations that overtook their request in the mailbox (ids above any request seen).
    private var earlyCancellations: Set<UInt64> = []
    private var highestRequestID: UInt64 = 0
    private var dealer: Socket?
    private var broker: String { configuration.brokerEndpoint }
    /// Receives the broker's replies with shared arrays for the frames every reply repeats.
    private let receiver = FrameReceiver()
    /// The frames of the request being sent, reused so sending allocates no frame list.
    private var outgoing: [[UInt8]] = []

    init(
        context: Context, configuration: ClientConfiguration, mailbox: Mailbox<Command>,
        replies: AsyncStream<ClientReply>.Continuation, deliver: @escaping @Sendable ([ClientReply]) -> Void,
        logger: Logger
    ) {
        self.context = context
        self.configuration = configuration
        self.mailbox = mailbox
        self.replies = replies
        self.deliver = deliver
        self.logger = logger
    }

    /// Runs until closed or the context shuts down; then every waiter gets an error.
    func run() {
        do {
            try connect()
            try loop()
        } catch {
            if !(ZMQError.terminated ~= error) {
                logger.error("client stopped on a socket error: \(error)")
            }
        }
        dealer?.close()
        dealer = nil
        finish()
    }

    private func loop() throws(ZMQError) {
        var poller = Poller()
        var polledDealer: Socket? = nil
        var mailboxIndex: Int? = nil
        var dealerIndex = 0
        while true {
            guard let dealer else { return }
            if polledDealer !== dealer {
                poller = Poller()
                mailboxIndex = mailbox.descriptor.map { poller.register(fileDescriptor: $0) }
                dealerIndex = poller.register(dealer)
                polledDealer = dealer
            }
            var timeout = pending.nextDeadline.map { max(clock.now.duration(to: $0), .zero) }
            if mailboxIndex == nil { timeout = min(timeout ?? .seconds(1), Mailbox<Command>.fallbackInterval) }
            try poller.poll(timeout: timeout)
            if mailboxIndex.map({ poller.events(at: $0).contains(.readable) }) ?? true {
                var commands = mailbox.take()[...]
                while let command = commands.popFirst() {
                    if case .close = command {
                        failRequests(in: commands)
                        return
                    }
                    try carry(command)
                }
            }
            if poller.events(at: dealerIndex).contains(.readable) {
                try receiveBatch(from: dealer)
            }
            try expireRequests(now: clock.now)
        }
    }

    private func carry(_ command: Command) throws(ZMQError) {
        switch command {
        case .send(let request):
            if try !transmit(request) {
                logger.warning(
                    "dropped a request: the queue to the broker is full",
                    metadata: ["mdp.service": "\(request.service)"])
            }
        case .request(let request, let timeout, let caller):
            highestRequestID = max(highestRequestID, caller.id)
            if earlyCancellations.remove(caller.id) != nil {
                caller.continuation.resume(throwing: CancellationError())
            } else if try transmit(request) {
                pending.add(caller, service: request.service, timeout: timeout, now: clock.now)
            } else {
                caller.continuation.resume(
                    throwing: ClientConnectionError.sendQueueFull(service: request.service, broker: broker))
            }
        case .cancel(let id):
            if let caller = pending.abandon(where: { $0.id == id }) {
                caller.continuation.resume(throwing: CancellationError())
            } else if id > highestRequestID {
                earlyCancellations.insert(id)
            }
        case .close:
            break
        }
    }

    private func transmit(_ request: ClientRequest) throws(ZMQError) -> Bool {
        guard let dealer else { return false }
        logger.trace("REQUEST", metadata: ["mdp.service": "\(request.service)"])
        defer { outgoing.removeAll(keepingCapacity: true) }
        request.append(to: &outgoing, dialect: configuration.dialect)
        return try dealer.send(outgoing, dontWait: true)
    }

    private func receiveBatch(from socket: Socket) throws(ZMQError) {
        defer {
            if !unclaimed.isEmpty {
                deliver(unclaimed)
                unclaimed.removeAll(keepingCapacity: true)
            }
        }
        for _ in 0..<256 {
            guard let frames = try receiver.receive(from: socket, dontWait: true) else { return }
            let reply: ClientReply
            do {
                (_, reply) = try ClientReply.parse(frames, limits: configuration.frameLimits)
            } catch {
                logger.warning("dropped a malformed reply from the broker: \(error)")
                continue
            }
            switch pending.deliver(reply) {
            case .completed(let caller, let service, let frames):
                complete(caller.continuation, service: service, frames: frames)
            case .progressed, .discarded:
                break
            case .unclaimed:
                unclaimed.append(reply)
            }
        }
    }

    /// Resumes a waiter, turning the broker's and workers' error conventions into errors.
    private func complete(_ continuation: Continuation, service: ServiceName, frames: [[UInt8]]) {
        if let refusal = BrokerErrorReply(body: frames) {
            continuation.resume(throwing: ClientConnectionError.refusedByBroker(service: service, refusal))
        } else if let reason = WorkerFailure.reason(in: frames) {
            continuation.resume(throwing: ClientConnectionError.workerFailed(service: service, reason: reason))
        } else {
            continuation.resume(returning: frames)
        }
    }

    /// Times out late requests; a late reply must not answer a later question, so the socket is
    /// replaced and everything else still waiting on it is failed as reset.
    private func expireRequests(now: Instant) throws(ZMQError) {
        let expired = pending.expire(now: now)
        guard !expired.isEmpty else { return }
        for waiter in expired where !waiter.isAbandoned {
            logger.debug("request timed out", metadata: ["mdp.service": "\(waiter.service)"])
            waiter.token.continuation.resume(
                throwing: ClientConnectionError.timedOut(
                    service: waiter.service, timeout: waiter.timeout, broker: broker))
        }
        for waiter in pending.removeAll() where !waiter.isAbandoned {
            waiter.token.continuation.resume(
                throwing: ClientConnectionError.reset(service: waiter.service, broker: broker))
        }
        dealer?.close()
        try connect()
    }

    private func connect() throws(ZMQError) {
        dealer = try openBrokerDealer(
            context: context, endpoint: broker, frameLimits: configuration.frameLimits,
            curveServerKey: configuration.curveServerKey, curveKeyPair: configuration.curveKeyPair)
    }

    /// Fails every waiter and every request still in the mailbox, and ends the stream.
    private func finish() {
        for waiter in pending.removeAll() where !waiter.isAbandoned {
            waiter.token.continuation.resume(throwing: ClientConnectionError.closed(broker: broker))
        }
        failRequests(in: mailbox.close())
        replies.finish()
    }

    private func failRequests(in commands: some Sequence<Command>) {
        for case .request(_, _, let caller) in commands {
            caller.continuation.resume(throwing: ClientConnectionError.closed(broker: broker))
        }
    }
}
