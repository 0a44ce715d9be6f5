import Majordomo
import Prometheus

/// Samples the broker's queue depths and workers at scrape time by asking the broker itself
/// (`mmi.services` over an inproc connection), so the broker loop pays nothing for gauges.
final class BrokerSampler: Sendable {
    private let client: ClientConnection
    private let queueDepth: GaugeFamily
    private let workers: GaugeFamily
    private let services: GaugeFamily

    /// A sampler asking the broker at `endpoint` (one of its own binds, normally inproc).
    init(client: ClientConnection, registry: PrometheusCollectorRegistry) {
        self.client = client
        queueDepth = GaugeFamily(
            "newsbus_broker_queue_depth", help: "Requests waiting for a worker, per service.", labels: ["service"],
            registry: registry)
        workers = GaugeFamily(
            "newsbus_broker_workers", help: "Registered workers per service and state (idle or busy).",
            labels: ["service", "state"], registry: registry)
        services = GaugeFamily(
            "newsbus_broker_services", help: "Services the broker tracks.", labels: [], registry: registry)
    }

    /// Asks the broker and sets the gauges; on no answer leaves them as they were.
    func sample() async {
        guard
            let body = try? await client.request(service: ManagementDirectory.servicesService, body: [], timeout: .seconds(2)),
            let entries = try? ManagementDirectory.services(from: body)
        else { return }
        queueDepth.set(Dictionary(uniqueKeysWithValues: entries.map { ([$0.name], $0.queued) }))
        var counts: [[String]: Int] = [:]
        for entry in entries {
            counts[[entry.name, "idle"]] = entry.idle
            counts[[entry.name, "busy"]] = entry.workers - entry.idle
        }
        workers.set(counts)
        services.set([[]: entries.count])
    }

    /// Closes the connection.
    func close() {
        client.close()
    }
}
