import ZeroMQ

/// The result of one measured run.
struct Measurement {
    /// Round trips completed.
    var requests: Int
    /// Wall time from the first send to the last reply.
    var elapsed: Duration

    /// Round trips per second.
    var rate: Double {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return seconds > 0 ? Double(requests) / seconds : 0
    }
}

/// Drives a DEALER socket with a fixed window of requests in flight: each reply lets one more
/// request go, until `limit` requests or `duration` (whichever comes first).
struct WindowedEcho {
    /// Requests kept in flight.
    var window: Int
    /// Most requests in one run.
    var limit: Int
    /// Longest run.
    var duration: Duration

    /// Runs on the calling thread, which must own `socket`. `check` validates each reply.
    func run(socket: Socket, request: [[UInt8]], check: ([[UInt8]]) -> Bool) throws -> Measurement {
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start.advanced(by: duration)
        var sent = 0
        var received = 0
        var open = true
        while sent < min(window, limit) {
            try socket.send(request)
            sent += 1
        }
        while received < sent {
            guard let reply = try socket.receive() else {
                throw BenchError("no reply for 10 s after \(received) of \(sent) requests: is the echo path up?")
            }
            guard check(reply) else {
                throw BenchError("reply \(received) is not the request's echo: \(reply.map(\.count))")
            }
            received += 1
            if open && (received & 63 == 0) && clock.now >= deadline { open = false }
            if open && sent < limit {
                try socket.send(request)
                sent += 1
            }
        }
        return Measurement(requests: received, elapsed: start.duration(to: clock.now))
    }
}

/// A benchmark that could not run; the message says why.
struct BenchError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
