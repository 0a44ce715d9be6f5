import ArgumentParser

/// The `--broker` option every bus client and worker shares.
struct BrokerOptions: ParsableArguments {
    /// Where the broker listens when nothing else is said.
    static let defaultEndpoint = "tcp://127.0.0.1:5555"

    @Option(name: .customLong("broker"), help: "The broker's endpoint (default tcp://127.0.0.1:5555).")
    var endpoint: String = BrokerOptions.defaultEndpoint
}
