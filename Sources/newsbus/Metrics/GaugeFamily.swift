import Prometheus
import Telemetry
import Synchronization

/// A labelled gauge family set from a snapshot at each scrape: label sets missing from the latest
/// snapshot are set to zero, so a service that went away reads 0 rather than its last value.
final class GaugeFamily: Sendable {
    private let name: String
    private let help: String
    private let registry: PrometheusCollectorRegistry
    private let seen = Mutex<Set<[String]>>([])
    private let labelNames: [String]

    /// A family `name` with labels `labelNames`, in `registry`.
    init(_ name: String, help: String, labels labelNames: [String], registry: PrometheusCollectorRegistry) {
        self.name = name
        self.help = help
        self.labelNames = labelNames
        self.registry = registry
    }

    /// Sets each label set's value, and zero for label sets seen before but not now.
    func set(_ values: [[String]: Int]) {
        let stale = seen.withLock { seen in
            let stale = seen.subtracting(values.keys)
            seen.formUnion(values.keys)
            return stale
        }
        for (labels, value) in values { gauge(labels).set(Double(value)) }
        for labels in stale { gauge(labels).set(Double(0)) }
    }

    private func gauge(_ labels: [String]) -> Gauge {
        registry.gauge(name, help: help, labels: Array(zip(labelNames, labels)))
    }
}
