// Fuzzes the broker's inbound path end to end without sockets: one input is a sequence of
// ROUTER messages (messages separated by 0xFE, frames by 0xFF). Each is parsed as the broker
// loop parses it and fed to a BrokerStateMachine, with time moving on and timers firing.
// Every frame the broker sends must parse back, on the receiving side, to what it meant.
import FuzzSupport
import Majordomo

/// Checks that a worker or client would read `action` as the broker meant it.
func checkOutput(_ action: BrokerAction) {
    guard let frames = action.routerFrames else { return }
    let dealerFrames = Array(frames.dropFirst())
    switch action {
    case .sendToWorker(_, let command, let dialect):
        let parsed = try? WorkerCommand.parse(dealerFrames)
        InputSplitting.check(parsed?.0 == dialect && parsed?.1 == command, "worker cannot read \(command)")
    case .sendToClient(_, let reply, let dialect):
        let parsed = try? ClientReply.parse(dealerFrames)
        InputSplitting.check(parsed?.0 == dialect, "client cannot read the reply in \(dialect)")
        InputSplitting.check(parsed?.1.body == reply.body && parsed?.1.kind == reply.kind, "client reads another reply")
    case .event:
        break
    }
}

if let directory = SeedWriter.requestedDirectory {
    let worker = MDPSeeds.worker.bytes
    let client = MDPSeeds.client.bytes
    func message(_ sender: [UInt8], _ frames: [[UInt8]]) -> [UInt8] {
        InputSplitting.join([sender] + frames, with: InputSplitting.frameSeparator)
    }
    func sequence(_ messages: [[UInt8]]) -> [UInt8] {
        InputSplitting.join(messages, with: InputSplitting.messageSeparator)
    }
    var seeds: [(name: String, bytes: [UInt8])] = []
    for dialect in Dialect.allCases {
        let tag = dialect == .rfc18 ? "rfc18" : "majortomo"
        let ready = message(worker, WorkerCommand.ready(MDPSeeds.service).frames(dialect: dialect))
        let request = message(client, ClientRequest(service: MDPSeeds.service, body: [[1]]).frames(dialect: dialect))
        let partial = message(
            worker, WorkerCommand.partial(client: MDPSeeds.client, body: [[2]]).frames(dialect: dialect))
        let final = message(worker, WorkerCommand.final(client: MDPSeeds.client, body: [[3]]).frames(dialect: dialect))
        let heartbeat = message(worker, WorkerCommand.heartbeat.frames(dialect: dialect))
        let disconnect = message(worker, WorkerCommand.disconnect.frames(dialect: dialect))
        let mmi = message(
            client, ClientRequest(service: "mmi.service", body: [MDPSeeds.service.bytes]).frames(dialect: dialect))
        seeds += [
            ("round-trip-\(tag)", sequence([ready, request, partial, final, heartbeat, disconnect])),
            ("queued-request-\(tag)", sequence([request, request, ready, final, final])),
            ("mmi-\(tag)", sequence([ready, mmi, request, disconnect, request])),
            ("out-of-order-\(tag)", sequence([final, ready, ready, heartbeat])),
        ]
    }
    SeedWriter.write(seeds, to: directory)
}

let configuration = BrokerConfiguration(
    heartbeatInterval: .milliseconds(1000), heartbeatLiveness: 3, busyWorkerTimeout: .seconds(5), queueLimit: 3,
    serviceLimit: 3, requestTimeout: .seconds(10))
let start = ContinuousClock.now

FuzzDriver.run { bytes in
    var broker = BrokerStateMachine<ContinuousClock.Instant>(configuration: configuration)
    var now = start
    for (index, piece) in InputSplitting.split(bytes, on: InputSplitting.messageSeparator).enumerated() {
        // The first byte of every message after the first moves the clock on (0...25.5 s).
        var frames = InputSplitting.split(piece, on: InputSplitting.frameSeparator)
        if index > 0, let step = frames.first?.first {
            frames[0].removeFirst()
            now = now.advanced(by: .milliseconds(100 * Int(step)))
        }
        for action in broker.tick(now: now) { checkOutput(action) }
        // A ROUTER socket never delivers an empty routing id (libzmq ids are 1-255 bytes), and
        // a worker rightly rejects REQUEST with an empty client address; skip what cannot happen.
        guard frames.first?.isEmpty == false, let inbound = try? BrokerInbound.parse(routerFrames: frames) else {
            continue
        }
        for action in broker.receive(inbound, now: now) { checkOutput(action) }
        for service in [MDPSeeds.service, "mmi.service"] as [ServiceName] {
            InputSplitting.check(
                broker.idleWorkerCount(for: service) <= broker.workerCount(for: service), "more idle than workers")
            InputSplitting.check(
                broker.queuedRequestCount(for: service) <= configuration.queueLimit, "queue over its limit")
        }
    }
    for action in broker.shutdown() { checkOutput(action) }
}
