import Foundation
import Logging
import Majordomo
import NewsbusTestSupport
import ZeroMQ

/// Paths, processes and payloads shared by the majortomo interop tests.
enum Interop {
    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// The Python driver for every majortomo role.
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Interop/majortomo_peer.py")
    /// Generous bound for one Python step on a loaded 2-core machine.
    static let patience: Duration = .seconds(60)

    /// Starts `majortomo_peer.py mode arguments…`. Throws (failing the test) when no Python with
    /// majortomo is set up.
    static func python(_ mode: String, _ arguments: String...) throws -> PythonProcess {
        let interpreter = try PythonProcess.interpreter(packageRoot: packageRoot)
        return try PythonProcess(interpreter: interpreter, script: script, arguments: [mode] + arguments)
    }

    /// Starts our broker on a free loopback port; returns it with its endpoint.
    static func ourBroker(context: Context, workerCredit: Int = 1) throws -> (Broker, String) {
        let broker = Broker(
            configuration: BrokerConfiguration(bindEndpoints: ["tcp://127.0.0.1:0"], workerCredit: workerCredit),
            context: context, logger: Logger(label: "newsbus.test.broker"))
        let endpoints = try broker.start()
        guard let endpoint = endpoints.first else {
            broker.stop()
            throw InteropFailure("the broker started without an endpoint")
        }
        return (broker, endpoint)
    }

    /// `count` request bodies of 1 to 4 frames of random bytes (empty frames included), each
    /// starting with a frame holding its index so replies can be matched.
    static func randomBodies(count: Int, seed: UInt64) -> [[[UInt8]]] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { index in
            let sizes = [0, 1, 100, 255, 1000, Int.random(in: 0...4096, using: &generator)]
            let extra = (0..<Int.random(in: 0...3, using: &generator)).map { _ in
                (0..<sizes[Int.random(in: 0..<sizes.count, using: &generator)]).map { _ in
                    UInt8.random(in: 0...255, using: &generator)
                }
            }
            return [withUnsafeBytes(of: UInt32(index).bigEndian) { Array($0) }] + extra
        }
    }

    /// The index frame of a body built by ``randomBodies(count:seed:)``.
    static func index(of body: [[UInt8]]) -> Int? {
        guard let first = body.first, first.count == 4 else { return nil }
        return Int(first.reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
    }
}

/// An interop precondition that did not hold.
struct InteropFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
