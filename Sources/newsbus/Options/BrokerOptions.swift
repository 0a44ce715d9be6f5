import ArgumentParser

/// The `--broker` option every bus client and worker shares.
struct BrokerOptions: ParsableArguments {
    /// Where the broker listens when nothing else is said.
    static let defaultEndpoint = "tcp://127.0.0.1:5555"

    @Option(
        name: .customLong("broker"),
        help: "The broker's endpoint (default tcp://127.0.0.1:5555; NEWSBUS_BROKER_ENDPOINT, broker.endpoint).")
    var endpointFlag: String?

    /// The endpoint in force: the flag, else `NEWSBUS_BROKER_ENDPOINT`, else `broker.endpoint`, else the default.
    var endpoint: String {
        Settings.current.text(endpointFlag, .brokerEndpoint) ?? Self.defaultEndpoint
    }
}
