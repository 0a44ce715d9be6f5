// newsbus-bench: requests/s of a 100-byte echo with a window of requests in flight, through
// (a) a raw ROUTER/DEALER echo, (b) our MDP broker with two echo workers, (c) the majortomo
// broker with the same workers; plus our broker with worker credit, driven through
// ClientConnection, and the C yardstick broker (scripts/mdp-reference.c) at the same credit. One
// run, one table; run it in release mode through scripts/bench-bus.
import Foundation

let usage = """
    USAGE: newsbus-bench [--python PATH --majortomo-driver PATH] [--reference PATH] [--seconds N] [--rounds N]
                         [--window N] [--workers N] [--credit N] [--limit N] [--only TEXT]

      --seconds N     measured seconds per case and round (default 2)
      --rounds N      rounds; the cases take turns, the best round of each is kept (default 3)
      --window N      requests kept in flight (default 100)
      --workers N     echo workers behind each broker (default 2)
      --credit N      requests a broker may hand one worker at once in the credit cases (default 50)
      --limit N       most requests per case and round (default 2000000)
      --only TEXT     run only the cases whose name contains TEXT
      --python PATH, --majortomo-driver PATH
                      a Python with majortomo, and the script that starts its broker (scripts/bench-bus
                      passes both; without them the majortomo case fails and its ratios read 0)
      --reference PATH
                      the C yardstick broker built from scripts/mdp-reference.c (scripts/bench-bus
                      builds it with cc; without it the reference cases fail)
    """

/// The options given, checked: an unknown option, a missing value or a number that is not a
/// positive integer ends the run with a message (exit status 2); `--help` prints the usage.
let options: [String: String] = {
    let known: Set = [
        "--python", "--majortomo-driver", "--seconds", "--rounds", "--window", "--workers", "--credit", "--limit",
        "--only", "--reference",
    ]
    func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("newsbus-bench: \(message)\n\(usage)\n".utf8))
        exit(2)
    }
    var options: [String: String] = [:]
    var remaining = CommandLine.arguments.dropFirst()
    while let name = remaining.popFirst() {
        if name == "--help" || name == "-h" {
            print(usage)
            exit(0)
        }
        guard known.contains(name) else { fail("unknown option '\(name)'") }
        guard let value = remaining.popFirst() else { fail("\(name) needs a value") }
        if !["--python", "--majortomo-driver", "--only", "--reference"].contains(name), (Int(value) ?? 0) < 1 {
            fail("\(name) takes a positive whole number, not '\(value)'")
        }
        options[name] = value
    }
    return options
}()

func option(_ name: String) -> String? {
    options[name]
}

var bench = Bench()
bench.window = option("--window").flatMap { Int($0) } ?? bench.window
bench.seconds = option("--seconds").flatMap { Int($0) } ?? bench.seconds
bench.limit = option("--limit").flatMap { Int($0) } ?? bench.limit
bench.workers = option("--workers").flatMap { Int($0) } ?? bench.workers
bench.credit = option("--credit").flatMap { Int($0) } ?? bench.credit
let ourCase = "our broker, \(bench.workers) workers"
let creditCase = "our broker, \(bench.workers) workers, credit \(bench.credit)"
let inprocCase = "our broker, \(bench.workers) inproc workers"
let majortomoCase = "majortomo broker, \(bench.workers) workers"
let referenceCase = "C reference broker, \(bench.workers) workers, credit \(bench.credit)"
let referenceCCase = "C reference broker + \(bench.workers) C workers, credit \(bench.credit)"
bench.python = option("--python") ?? ""
bench.driver = option("--majortomo-driver") ?? ""
bench.reference = option("--reference") ?? ""

func format(_ rate: Double) -> String {
    String(format: "%12.0f", rate)
}

let rounds = option("--rounds").flatMap { Int($0) } ?? 3
print(
    "newsbus-bench: 100-byte echo, \(bench.window) requests in flight, \(rounds) rounds of \(bench.seconds) s per case "
        + "(cases interleaved, best round kept), 127.0.0.1 TCP")
let cases: [(String, () throws -> Measurement)] = [
    ("raw ROUTER/DEALER echo", bench.raw),
    (ourCase, { try bench.ourBroker(inprocWorkers: false) }),
    (inprocCase, { try bench.ourBroker(inprocWorkers: true) }),
    (creditCase, { try bench.ourBroker(inprocWorkers: false, credit: bench.credit) }),
    (majortomoCase, bench.majortomo),
    ("our broker via ClientConnection", bench.ourBrokerThroughClientConnection),
    (referenceCase, { try bench.reference(cWorkers: false) }),
    (referenceCCase, { try bench.reference(cWorkers: true) }),
]
// --only SUBSTRING keeps the cases whose name contains it (for profiling one path).
let only = option("--only")
let selected = cases.filter { only == nil || $0.0.contains(only ?? "") }
var best: [String: Double] = [:]
/// The lowest CPU µs per request each case reached, and that round's sleeps per request.
var leastCPU: [String: (cpu: Double, sleeps: Double)] = [:]
var failures: [String: String] = [:]
for round in 1...rounds {
    for (name, body) in selected where failures[name] == nil {
        do {
            let measurement = try body()
            best[name] = max(best[name] ?? 0, measurement.rate)
            let cpu = measurement.cpuMicrosecondsPerRequest
            if cpu < leastCPU[name]?.cpu ?? .infinity { leastCPU[name] = (cpu, measurement.sleepsPerRequest) }
            let padded = name.padding(toLength: 46, withPad: " ", startingAt: 0)
            print(
                "round \(round)  " + padded + String(format: "%9d req = ", measurement.requests)
                    + format(measurement.rate) + " req/s"
                    + String(format: "  %6.2f µs CPU/req  %5.2f sleeps/req", cpu, measurement.sleepsPerRequest))
        } catch {
            failures[name] = "\(error)"
            print("round \(round)  \(name): failed: \(error)")
        }
    }
}
print("")
// CPU over the measured run: getrusage of this process (client, broker, workers and their libzmq
// I/O threads) plus /proc of a child broker (majortomo's, the C reference).
print("case                                              best req/s   least µs CPU/req   sleeps/req")
for (name, _) in cases where best[name] != nil || failures[name] != nil {
    let cpu = leastCPU[name].map { String(format: "   %12.2f   %10.2f", $0.cpu, $0.sleeps) } ?? ""
    print(name.padding(toLength: 46, withPad: " ", startingAt: 0) + (best[name].map(format) ?? "      failed") + cpu)
}
print("(CPU: every thread of this process and of a child broker, libzmq's I/O threads included)")
let ours = best[ourCase] ?? 0
let rawRate = best["raw ROUTER/DEALER echo"] ?? 0
let majortomoRate = best[majortomoCase] ?? 0
let oursInproc = best[inprocCase] ?? 0
print("")
let oursCredit = best[creditCase] ?? 0
print("classic MDP (worker credit 1, the broker's default):")
print(String(format: "  ours / raw       = %6.2fx   (target >= 0.35x)", rawRate > 0 ? ours / rawRate : 0))
print(String(format: "  ours / majortomo = %6.1fx   (target >= 20x)", majortomoRate > 0 ? ours / majortomoRate : 0))
print("with --worker-credit \(bench.credit) (the broker may hand each worker \(bench.credit) requests at once):")
print(String(format: "  ours / raw       = %6.2fx   (target >= 0.35x)", rawRate > 0 ? oursCredit / rawRate : 0))
print(String(format: "  ours / majortomo = %6.1fx   (target >= 20x)", majortomoRate > 0 ? oursCredit / majortomoRate : 0))
print(
    String(
        format: "ours with inproc workers: %.2fx raw, %.1fx majortomo", rawRate > 0 ? oursInproc / rawRate : 0,
        majortomoRate > 0 ? oursInproc / majortomoRate : 0))
let reference = best[referenceCase] ?? 0
let referenceC = best[referenceCCase] ?? 0
if reference > 0 || referenceC > 0 {
    print("the C reference broker (the least an MDP broker does over libzmq; the yardstick, not newsbus):")
    print(
        String(
            format: "  with our workers: %.2fx raw, %.1fx majortomo; ours with credit = %.2fx of it",
            rawRate > 0 ? reference / rawRate : 0, majortomoRate > 0 ? reference / majortomoRate : 0,
            reference > 0 ? oursCredit / reference : 0))
    print(
        String(
            format: "  with C workers:   %.2fx raw, %.1fx majortomo", rawRate > 0 ? referenceC / rawRate : 0,
            majortomoRate > 0 ? referenceC / majortomoRate : 0))
}
