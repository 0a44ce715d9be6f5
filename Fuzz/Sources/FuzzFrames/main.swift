// Fuzzes the MDP frame parsers: one input is one multipart message, frames separated by 0xFF.
// Every parser (broker, worker and client side) sees it; whatever parses must serialize back to
// exactly the same frames, and the size limits must only ever reject, never change, a parse.
import FuzzSupport
import Majordomo

let small = FrameLimits(maximumFrameSize: 64, maximumFrameCount: 6)

/// Broker side: ROUTER frames (routing id first), either dialect, worker or client header.
func brokerSide(_ frames: [[UInt8]]) {
    guard let inbound = try? BrokerInbound.parse(routerFrames: frames) else {
        InputSplitting.check((try? BrokerInbound.parse(routerFrames: frames, limits: small)) == nil, "small limits accepted more")
        return
    }
    if let limited = try? BrokerInbound.parse(routerFrames: frames, limits: small) {
        InputSplitting.check(limited == inbound, "limits changed the parse")
    }
    var again: [[UInt8]] = [inbound.sender.bytes]
    switch inbound.content {
    case .worker(let command): command.append(to: &again, dialect: inbound.dialect)
    case .client(let request): again += request.frames(dialect: inbound.dialect)
    }
    InputSplitting.check(again == frames, "broker inbound \(inbound) does not serialize back to its frames")
}

/// Worker side: what a worker's DEALER receives from the broker.
func workerSide(_ frames: [[UInt8]]) {
    guard let (dialect, command) = try? WorkerCommand.parse(frames) else { return }
    InputSplitting.check(command.frames(dialect: dialect) == frames, "worker command \(command) round trip")
    _ = command.name
}

/// Client side: requests as a client sends them, replies as it receives them.
func clientSide(_ frames: [[UInt8]]) {
    if let (dialect, request) = try? ClientRequest.parse(frames) {
        InputSplitting.check(request.frames(dialect: dialect) == frames, "client request round trip")
        _ = request.service.isManagement
        _ = request.service.description
    }
    if let (dialect, reply) = try? ClientReply.parse(frames) {
        InputSplitting.check(reply.frames(dialect: dialect) == frames, "client reply round trip")
        if let error = BrokerErrorReply(body: reply.body) {
            _ = error.description
        }
    }
}

if let directory = SeedWriter.requestedDirectory {
    let seeds = MDPSeeds.dealerMessages.flatMap { message in
        [
            (name: message.name, bytes: InputSplitting.join(message.frames, with: InputSplitting.frameSeparator)),
            (
                name: "router-" + message.name,
                bytes: InputSplitting.join([MDPSeeds.client.bytes] + message.frames, with: InputSplitting.frameSeparator)
            ),
        ]
    }
    SeedWriter.write(seeds, to: directory)
}

FuzzDriver.run { bytes in
    let frames = InputSplitting.split(bytes, on: InputSplitting.frameSeparator)
    brokerSide(frames)
    workerSide(frames)
    clientSide(frames)
    // Malformed-input errors must describe themselves without trapping.
    do { _ = try BrokerInbound.parse(routerFrames: frames) } catch { _ = "\(error)" }
    do { _ = try WorkerCommand.parse(frames) } catch { _ = "\(error)" }
    do { _ = try ClientReply.parse(frames) } catch { _ = "\(error)" }
}
