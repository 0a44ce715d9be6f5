extension BrokerStateMachine {
    /// RFC 8's service discovery, answered by the broker: `mmi.service` replies "200" when a
    /// worker for the service named in the first body frame is registered and "404" when not;
    /// `mmi.workers` and `mmi.services` list the cluster (``ManagementDirectory``); any other
    /// `mmi.*` service replies "501".
    func managementReply(to request: ClientRequest, now: Instant) -> ClientReply {
        if let body = directoryReply(to: request.service, now: now) {
            return ClientReply(kind: .final, service: request.service, body: body)
        }
        let status: String
        if request.service == Self.serviceDiscovery {
            let named = request.body.first.flatMap { try? ServiceName(validating: $0) }
            status = named.map { workerCount(for: $0) > 0 } == true ? "200" : "404"
        } else {
            status = "501"
        }
        return ClientReply(kind: .final, service: request.service, body: [Array(status.utf8)])
    }

    /// `mmi.service`.
    static var serviceDiscovery: ServiceName { "mmi.service" }
}
