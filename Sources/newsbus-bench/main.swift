// newsbus-bench: requests/s of a 100-byte echo with a window of requests in flight, through
// (a) a raw ROUTER/DEALER echo, (b) our MDP broker with two echo workers, (c) the majortomo
// broker with the same workers; plus our broker driven through ClientConnection. One run, one
// table; run it in release mode through scripts/bench-bus.
import Foundation

let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

var bench = Bench()
bench.window = option("--window").flatMap { Int($0) } ?? bench.window
bench.seconds = option("--seconds").flatMap { Int($0) } ?? bench.seconds
bench.limit = option("--limit").flatMap { Int($0) } ?? bench.limit
bench.python = option("--python") ?? ""
bench.driver = option("--majortomo-driver") ?? ""

func format(_ rate: Double) -> String {
    String(format: "%12.0f", rate)
}

print("newsbus-bench: 100-byte echo, \(bench.window) requests in flight, \(bench.seconds) s per case, 127.0.0.1 TCP")
var rows: [(String, Measurement?)] = []
for (name, body) in [
    ("raw ROUTER/DEALER echo", bench.raw),
    ("our broker, 2 workers", bench.ourBroker),
    ("majortomo broker, 2 workers", bench.majortomo),
    ("our broker via ClientConnection", bench.ourBrokerThroughClientConnection),
] as [(String, () throws -> Measurement)] {
    do {
        let measurement = try body()
        rows.append((name, measurement))
        let padded = name.padding(toLength: 34, withPad: " ", startingAt: 0)
        let elapsed = Double(measurement.elapsed.components.seconds) + Double(measurement.elapsed.components.attoseconds) * 1e-18
        print(padded + String(format: "%9d req in %5.2f s = ", measurement.requests, elapsed) + format(measurement.rate) + " req/s")
    } catch {
        rows.append((name, nil))
        print("\(name): failed: \(error)")
    }
}
let rates = Dictionary(uniqueKeysWithValues: rows.map { ($0.0, $0.1?.rate ?? 0) })
let ours = rates["our broker, 2 workers"] ?? 0
let rawRate = rates["raw ROUTER/DEALER echo"] ?? 0
let majortomoRate = rates["majortomo broker, 2 workers"] ?? 0
print("")
print(String(format: "ours / raw       = %6.2fx   (target >= 0.35x)", rawRate > 0 ? ours / rawRate : 0))
print(String(format: "ours / majortomo = %6.1fx   (target >= 20x)", majortomoRate > 0 ? ours / majortomoRate : 0))
