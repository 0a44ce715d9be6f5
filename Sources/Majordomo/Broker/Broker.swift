public import Logging
public import ZeroMQ

internal import Dispatch
internal import Foundation
internal import Synchronization

/// An MDP 0.2 broker: one dedicated thread owning a ROUTER socket, driving a
/// ``BrokerStateMachine``.
///
/// The loop polls until the state machine's next deadline, parses every message once with
/// ``BrokerInbound/parse(routerFrames:limits:)``, steps the state machine and carries out the
/// actions it returns. Malformed input is logged and dropped; it never stops the loop.
///
/// ```swift
/// let broker = Broker(configuration: BrokerConfiguration(bindEndpoints: ["tcp://127.0.0.1:0"]),
///                     context: context, logger: logger)
/// let endpoints = try broker.start()   // bound and serving
/// …
/// broker.stop()                        // DISCONNECT to workers, socket closed, thread joined
/// ```
public final class Broker: Sendable {
    /// The settings the broker runs with.
    public let configuration: BrokerConfiguration
    let context: Context
    let logger: Logger
    /// Where ``stop()`` reaches the loop thread: a queue with a wake pipe the loop polls (a
    /// plain descriptor costs the loop nothing per wake-up; a control socket cost two syscalls).
    let control = Mailbox<BrokerLoop.Command>()
    private let phase = Mutex(Phase.idle)
    /// Entered when the loop thread starts, left when it has closed its sockets.
    private let running = DispatchGroup()

    private enum Phase {
        case idle
        case starting
        case running(endpoints: [String])
        case stopRequested
        case stopped
    }

    /// A broker that will bind `configuration.bindEndpoints` in `context` when started, logging
    /// to `logger` (metadata `mdp.service`, `mdp.worker`, `mdp.client`, `mdp.peer`).
    public init(configuration: BrokerConfiguration, context: Context, logger: Logger) {
        self.configuration = configuration
        self.context = context
        self.logger = logger
    }

    /// Starts the loop thread and returns once every endpoint is bound, with the endpoints
    /// resolved (a `tcp://…:0` bind names its port). Throws if a bind fails; the broker is then
    /// not running. A broker starts at most once: later calls return the current endpoints.
    @discardableResult
    public func start() throws(ZMQError) -> [String] {
        let begin = phase.withLock { phase -> Bool in
            guard case .idle = phase else { return false }
            phase = .starting
            return true
        }
        guard begin else { return endpoints }
        let startup = Startup()
        running.enter()
        let thread = Thread { [self] in
            defer { running.leave() }
            BrokerLoop.run(broker: self, startup: startup)
        }
        thread.name = "newsbus-broker"
        thread.start()
        let endpoints: [String]
        do {
            endpoints = try startup.wait()
        } catch {
            phase.withLock { $0 = .stopped }
            throw error
        }
        let stopEarly = phase.withLock { phase -> Bool in
            if case .stopRequested = phase {
                phase = .stopped
                return true
            }
            phase = .running(endpoints: endpoints)
            return false
        }
        if stopEarly { signalStop() }
        return endpoints
    }

    /// The bound endpoints while running, else empty.
    public var endpoints: [String] {
        if case .running(let endpoints) = phase.withLock({ $0 }) { return endpoints }
        return []
    }

    /// Stops the loop: workers get DISCONNECT, waiting clients a 503, the socket is closed and
    /// the thread joined. Safe from any thread (a signal handler's queue included), more than
    /// once, before ``start()`` and while it runs.
    public func stop() {
        let shouldSignal = phase.withLock { phase -> Bool in
            switch phase {
            case .running:
                phase = .stopped
                return true
            case .starting:
                // start() sends the stop signal as soon as the loop is up.
                phase = .stopRequested
                return false
            case .idle:
                // Never started: it never will.
                phase = .stopped
                return false
            case .stopRequested, .stopped:
                return false
            }
        }
        if shouldSignal {
            signalStop()
        }
        running.wait()
    }

    /// Suspends until the loop thread has ended (after ``stop()`` or a context shutdown).
    public func waitUntilStopped() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            running.notify(queue: .global()) { continuation.resume() }
        }
    }

    /// Tells the loop thread to stop, through its mailbox.
    private func signalStop() {
        // Fails only once the loop has left (context shut down): nothing is left to stop then.
        if !control.post(.stop) {
            logger.debug("broker stop signal not sent: the loop has already ended")
        }
    }
}

/// Hands the loop thread's bind result back to ``Broker/start()``.
final class Startup: Sendable {
    private let result = Mutex<Result<[String], ZMQError>?>(nil)
    private let ready = DispatchSemaphore(value: 0)

    /// Called once by the loop thread.
    func finish(_ outcome: Result<[String], ZMQError>) {
        result.withLock { $0 = outcome }
        ready.signal()
    }

    /// Waits for ``finish(_:)``.
    func wait() throws(ZMQError) -> [String] {
        ready.wait()
        guard let outcome = result.withLock({ $0 }) else { return [] }
        return try outcome.get()
    }
}
