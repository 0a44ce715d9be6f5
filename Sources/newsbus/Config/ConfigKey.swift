/// Every setting the configuration file, the environment and the flags can give, in one table:
/// the file key (`section.name`), its `NEWSBUS_*` environment variable, its kind and its default.
///
/// Precedence for each: command-line flag, then environment variable, then file, then default.
enum ConfigKey: String, CaseIterable, Sendable {
    case logLevel = "log.level"
    case logFormat = "log.format"
    case brokerEndpoint = "broker.endpoint"
    case brokerBind = "broker.bind"
    case brokerHeartbeatInterval = "broker.heartbeat_interval_ms"
    case brokerHeartbeatLiveness = "broker.heartbeat_liveness"
    case brokerQueueLimit = "broker.queue_limit"
    case brokerMaxMessageSize = "broker.max_message_size"
    case brokerRequestTimeout = "broker.request_timeout_s"
    case brokerWorkerCredit = "broker.worker_credit"
    case brokerMetrics = "broker.metrics"
    case aggregatorStore = "aggregator.store"
    case aggregatorWindow = "aggregator.window"
    case aggregatorChunkSize = "aggregator.chunk_size"
    case aggregatorTimeout = "aggregator.timeout_s"
    case aggregatorAttempts = "aggregator.attempts"
    case aggregatorMaxJobBytes = "aggregator.max_job_bytes"
    case aggregatorKeepDays = "aggregator.keep_days"
    case aggregatorMetrics = "aggregator.metrics"
    case workerThreads = "worker.threads"
    case workerMetrics = "worker.metrics"
    case curveSecretKey = "curve.secret_key"
    case curvePublicKey = "curve.public_key"
    case curveServerKey = "curve.server_key"
    case curveAllow = "curve.allow"

    /// The file key, e.g. `broker.queue_limit`.
    var path: String { rawValue }

    /// The environment variable, e.g. `NEWSBUS_BROKER_QUEUE_LIMIT`.
    var environmentName: String {
        "NEWSBUS_" + rawValue.uppercased().replacing(".", with: "_")
    }

    /// What values it takes.
    var kind: ConfigKind {
        switch self {
        case .logLevel: .logLevel
        case .logFormat: .logFormat
        case .brokerEndpoint: .endpoint
        case .brokerBind: .endpoints
        case .brokerHeartbeatInterval: .integer(1...3_600_000)
        case .brokerHeartbeatLiveness: .integer(1...1000)
        case .brokerQueueLimit: .integer(1...100_000_000)
        case .brokerMaxMessageSize: .integer(1...(1 << 31))
        case .brokerRequestTimeout: .integer(1...86_400)
        case .brokerWorkerCredit: .integer(1...10_000)
        case .brokerMetrics, .aggregatorMetrics, .workerMetrics: .metricsAddress
        case .aggregatorStore: .path
        case .aggregatorWindow: .integer(1...1_000_000)
        case .aggregatorChunkSize: .integer(100...10_000_000)
        case .aggregatorTimeout: .integer(1...86_400)
        case .aggregatorAttempts: .integer(1...1000)
        case .aggregatorMaxJobBytes: .integer(1...(1 << 40))
        case .aggregatorKeepDays: .integer(1...36_500)
        case .workerThreads: .integer(1...256)
        case .curveSecretKey, .curvePublicKey, .curveServerKey: .keyFile
        case .curveAllow: .keyPaths
        }
    }

    /// The value used when no flag, variable or file gives one (`nil`: none, the setting is off or required).
    var defaultValue: ConfigValue? {
        switch self {
        case .logLevel: .text("info")
        case .logFormat: .text("text")
        case .brokerEndpoint: .text(BrokerOptions.defaultEndpoint)
        case .brokerBind: .list([BrokerOptions.defaultEndpoint])
        case .brokerHeartbeatInterval: .integer(2500)
        case .brokerHeartbeatLiveness: .integer(3)
        case .brokerQueueLimit: .integer(10_000)
        case .brokerMaxMessageSize: .integer(16 << 20)
        case .brokerWorkerCredit: .integer(1)
        case .aggregatorChunkSize: .integer(10_000)
        case .aggregatorMaxJobBytes: .integer(256 << 20)
        case .aggregatorTimeout: .integer(60)
        case .aggregatorAttempts: .integer(3)
        case .workerThreads: .integer(1)
        case .brokerMetrics, .aggregatorMetrics, .workerMetrics, .aggregatorStore, .brokerRequestTimeout,
            .aggregatorKeepDays, .aggregatorWindow, .curveSecretKey, .curvePublicKey, .curveServerKey, .curveAllow:
            nil
        }
    }

    /// The file's sections, in the order `config show` prints them.
    static let sections = ["log", "broker", "aggregator", "worker", "curve"]
}
