import Testing

@testable import newsbus

/// Which bind endpoints make the broker warn about listening without CURVE. Checked on the pure
/// classifier: tests never bind anything but 127.0.0.1.
@Suite("Exposure warning")
struct ExposureWarningTests {
    @Test("loopback and local transports are not exposed", arguments: [
        "tcp://127.0.0.1:5555", "tcp://127.0.0.2:1", "tcp://localhost:5555", "tcp://[::1]:5555",
        "tcp://lo:5555", "ipc:///tmp/newsbus.sock", "inproc://broker",
    ])
    func notExposed(endpoint: String) {
        #expect(!ExposureWarning.isExposed(endpoint))
    }

    @Test("wildcards, interfaces and other addresses are exposed", arguments: [
        "tcp://*:5555", "tcp://0.0.0.0:5555", "tcp://eth0:5555", "tcp://10.0.0.5:5555", "tcp://[2001:db8::1]:5555",
    ])
    func exposed(endpoint: String) {
        #expect(ExposureWarning.isExposed(endpoint))
    }
}
