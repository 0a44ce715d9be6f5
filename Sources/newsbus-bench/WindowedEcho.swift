import Foundation
import Majordomo
import ZeroMQ

/// The result of one measured run.
struct Measurement {
    /// Round trips completed.
    var requests: Int
    /// Wall time from the first send to the last reply.
    var elapsed: Duration
    /// CPU time (user + system) over the run of every thread of this process (libzmq's I/O
    /// threads too) and of the child broker, if any.
    var cpu: ProcessUsage = ProcessUsage()

    /// CPU microseconds per round trip, over every thread of this process and the child broker.
    var cpuMicrosecondsPerRequest: Double {
        requests > 0 ? cpu.cpuMicroseconds / Double(requests) : 0
    }

    /// Voluntary context switches (a thread went to sleep waiting) per round trip.
    var sleepsPerRequest: Double {
        requests > 0 ? Double(cpu.voluntarySwitches) / Double(requests) : 0
    }

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
    /// A child process (a broker) whose CPU time counts too.
    var child: pid_t? = nil

    /// Runs on the calling thread, which must own `socket`. `check` validates each reply.
    func run(socket: Socket, request: [[UInt8]], check: ([[UInt8]]) -> Bool) throws -> Measurement {
        let clock = ContinuousClock()
        let usage = ProcessUsage.now(including: child)
        let start = clock.now
        let deadline = start.advanced(by: duration)
        var sent = 0
        var received = 0
        var open = true
        // As ClientConnection receives (the raw case gets the same receiver).
        let receiver = FrameReceiver()
        while sent < min(window, limit) {
            try socket.send(request)
            sent += 1
        }
        while received < sent {
            guard let reply = try receiver.receive(from: socket, dontWait: false) else {
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
        let cpu = ProcessUsage.now(including: child) - usage
        return Measurement(requests: received, elapsed: start.duration(to: clock.now), cpu: cpu)
    }
}

/// CPU time and voluntary context switches of the whole process (`getrusage(RUSAGE_SELF)`),
/// plus those of a running child read from `/proc` (10 ms clock ticks for its CPU time).
struct ProcessUsage {
    /// User plus system CPU time, in microseconds.
    var cpuMicroseconds: Double = 0
    /// Times a thread gave up the CPU to wait (each is a later wake-up).
    var voluntarySwitches: Int = 0

    /// The totals so far of this process and, when given, of the running child `child`.
    static func now(including child: pid_t? = nil) -> ProcessUsage {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let microseconds = { (time: timeval) in Double(time.tv_sec) * 1e6 + Double(time.tv_usec) }
        var total = ProcessUsage(
            cpuMicroseconds: microseconds(usage.ru_utime) + microseconds(usage.ru_stime),
            voluntarySwitches: usage.ru_nvcsw)
        if let child {
            let childUsage = ofRunningChild(child)
            total.cpuMicroseconds += childUsage.cpuMicroseconds
            total.voluntarySwitches += childUsage.voluntarySwitches
        }
        return total
    }

    /// A running child's totals: utime and stime of `/proc/PID/stat` (every thread), and the
    /// voluntary switches of each of its threads. Zero when it cannot be read.
    static func ofRunningChild(_ pid: pid_t) -> ProcessUsage {
        var usage = ProcessUsage()
        // The command name (field 2) is in parentheses and may hold spaces: count from after it.
        if let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        {
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            // Fields 14 and 15 (utime, stime) are the 12th and 13th after the name.
            if fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) {
                usage.cpuMicroseconds = (user + system) * 1e6 / Double(sysconf(Int32(_SC_CLK_TCK)))
            }
        }
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        for task in tasks {
            guard let status = try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/status", encoding: .utf8) else {
                continue
            }
            for line in status.split(separator: "\n") where line.hasPrefix("voluntary_ctxt_switches:") {
                usage.voluntarySwitches += Int(line.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) ?? 0
            }
        }
        return usage
    }

    /// The usage between two readings.
    static func - (after: ProcessUsage, before: ProcessUsage) -> ProcessUsage {
        ProcessUsage(
            cpuMicroseconds: after.cpuMicroseconds - before.cpuMicroseconds,
            voluntarySwitches: after.voluntarySwitches - before.voluntarySwitches)
    }
}

/// A benchmark that could not run; the message says why.
struct BenchError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
