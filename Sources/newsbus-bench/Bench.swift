import Foundation
import Logging
import Majordomo
import NewsbusTestSupport
import ZeroMQ

/// The benchmark's settings and cases.
struct Bench: Sendable {
    /// Requests kept in flight.
    var window = 100
    /// Echo workers behind each broker.
    var workers = 2
    /// Requests the broker may hand one worker at once in the "credit" case (the default
    /// cases use 1, classic MDP).
    var credit = 50
    /// Measured seconds per case.
    var seconds = 2
    /// Most requests per case.
    var limit = 2_000_000
    /// Python with majortomo, and the driver script that starts its broker.
    var python = ""
    var driver = ""
    /// The C yardstick broker, built from scripts/mdp-reference.c.
    var reference = ""
    let payload = (0..<100).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
    let quiet: Logger = {
        var logger = Logger(label: "newsbus.bench")
        logger.logLevel = .warning
        return logger
    }()

    /// Opens a DEALER on this thread, warms up, measures (counting the CPU time of `child`, a
    /// broker process, too), closes.
    func measureDealer(
        context: Context, endpoint: String, request: [[UInt8]], child: pid_t? = nil, check: ([[UInt8]]) -> Bool
    ) throws -> Measurement {
        let socket = try Socket(context, type: .dealer)
        defer { socket.close() }
        try socket.set(.receiveTimeout(.seconds(10)))
        try socket.connect(endpoint)
        _ = try WindowedEcho(window: window, limit: limit, duration: .milliseconds(300))
            .run(socket: socket, request: request, check: check)
        let run = WindowedEcho(window: window, limit: limit, duration: .seconds(seconds), child: child)
        return try run.run(socket: socket, request: request, check: check)
    }

    /// An MDP echo request for `dialect`, and the check its reply must pass.
    func mdpEcho(_ dialect: Dialect) -> (request: [[UInt8]], check: ([[UInt8]]) -> Bool) {
        let request = ClientRequest(service: "echo", body: [payload]).frames(dialect: dialect)
        let payload = payload
        // Compared frame by frame: an array literal here would allocate for every reply.
        return (request, { frames in
            (try? ClientReply.parse(frames)).map { Self.isEcho($0.1.body, of: payload) } ?? false
        })
    }

    /// True when `frames` is exactly the one frame `payload`.
    static func isEcho(_ frames: [[UInt8]], of payload: [UInt8]) -> Bool {
        frames.count == 1 && frames[0] == payload
    }

    func raw() throws -> Measurement {
        let context = try Context()
        let server = try RawEchoServer(context: Context())
        defer { server.stop() }
        let payload = payload
        return try measureDealer(context: context, endpoint: server.endpoint, request: [payload]) {
            Self.isEcho($0, of: payload)
        }
    }

    /// Client over TCP; workers over TCP too, or over `inproc` as in the embedded `newsbus run`.
    /// `credit` is ``BrokerConfiguration/workerCredit`` (1: classic MDP).
    func ourBroker(inprocWorkers: Bool, credit: Int = 1) throws -> Measurement {
        let context = try Context()
        let inproc = "inproc://newsbus-bench-\(UUID().uuidString)"
        let binds = ["tcp://127.0.0.1:0"] + (inprocWorkers ? [inproc] : [])
        let configuration = BrokerConfiguration(bindEndpoints: binds, workerCredit: credit)
        let broker = Broker(configuration: configuration, context: context, logger: quiet)
        guard let endpoint = try broker.start().first else { throw BenchError("our broker bound nothing") }
        defer { broker.stop() }
        // Over TCP each role gets its own context (I/O thread), as separate processes would.
        let workers = EchoWorkers(
            count: self.workers, context: inprocWorkers ? context : try Context(),
            brokerEndpoint: inprocWorkers ? inproc : endpoint, logger: quiet)
        defer { workers.stop() }
        let (request, check) = mdpEcho(.rfc18)
        return try measureDealer(context: try Context(), endpoint: endpoint, request: request, check: check)
    }

    func majortomo() throws -> Measurement {
        guard !python.isEmpty, !driver.isEmpty else { throw BenchError("pass --python and --majortomo-driver") }
        let broker = try ChildBroker.majortomo(python: python, driver: driver)
        defer { broker.stop() }
        let workers = EchoWorkers(
            count: self.workers, context: try Context(), brokerEndpoint: broker.endpoint, dialect: .majortomo,
            logger: quiet)
        defer { workers.stop() }
        let (request, check) = mdpEcho(.majortomo)
        return try measureDealer(
            context: try Context(), endpoint: broker.endpoint, request: request, child: broker.processIdentifier,
            check: check)
    }

    /// The C yardstick (scripts/mdp-reference.c: the least an MDP broker does over libzmq) at
    /// `credit`, with our echo workers or with its own C echo workers (threads of its process).
    func reference(cWorkers: Bool) throws -> Measurement {
        guard !reference.isEmpty else { throw BenchError("pass --reference PATH (scripts/bench-bus builds it)") }
        let broker = try ChildBroker.reference(
            executable: reference, credit: credit, echoWorkers: cWorkers ? workers : 0)
        defer { broker.stop() }
        var workers: EchoWorkers?
        if !cWorkers {
            workers = EchoWorkers(
                count: self.workers, context: try Context(), brokerEndpoint: broker.endpoint, logger: quiet)
        }
        defer { workers?.stop() }
        let (request, check) = mdpEcho(.rfc18)
        return try measureDealer(
            context: try Context(), endpoint: broker.endpoint, request: request, child: broker.processIdentifier,
            check: check)
    }

    /// Our broker again, but the client side is ``ClientConnection`` (mailbox, waker, AsyncStream).
    func ourBrokerThroughClientConnection() throws -> Measurement {
        let context = try Context()
        let broker = Broker(
            configuration: BrokerConfiguration(bindEndpoints: ["tcp://127.0.0.1:0"]), context: context, logger: quiet)
        guard let endpoint = try broker.start().first else { throw BenchError("our broker bound nothing") }
        defer { broker.stop() }
        let workers = EchoWorkers(count: self.workers, context: try Context(), brokerEndpoint: endpoint, logger: quiet)
        defer { workers.stop() }
        let client = ClientConnection(
            context: try Context(), configuration: ClientConfiguration(brokerEndpoint: endpoint), logger: quiet)
        defer { client.close() }
        let done = DispatchSemaphore(value: 0)
        let result = ResultBox()
        Task {
            do {
                _ = try await streamWindow(client: client, duration: .milliseconds(300))
                result.value = .success(try await streamWindow(client: client, duration: .seconds(seconds)))
            } catch {
                result.value = .failure(error)
            }
            done.signal()
        }
        done.wait()
        return try result.value?.get() ?? Measurement(requests: 0, elapsed: .zero)
    }

    func streamWindow(client: ClientConnection, duration: Duration) async throws -> Measurement {
        let clock = ContinuousClock()
        let usage = ProcessUsage.now()
        let start = clock.now
        let deadline = start.advanced(by: duration)
        var sent = 0
        var received = 0
        while sent < window {
            try client.send(service: "echo", body: [payload])
            sent += 1
        }
        var iterator = client.replies.makeAsyncIterator()
        while received < sent, let reply = await iterator.next() {
            guard Self.isEcho(reply.body, of: payload) else { throw BenchError("a reply is not the request's echo") }
            received += 1
            if sent < limit, clock.now < deadline {
                try client.send(service: "echo", body: [payload])
                sent += 1
            }
        }
        return Measurement(requests: received, elapsed: start.duration(to: clock.now), cpu: ProcessUsage.now() - usage)
    }
}

/// Carries the async result to the waiting main thread (written before the semaphore signal).
final class ResultBox: @unchecked Sendable {
    var value: Result<Measurement, any Error>?
}
