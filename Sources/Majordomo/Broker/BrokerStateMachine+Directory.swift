extension BrokerStateMachine {
    /// Every registered worker at `now`, ordered by service then identity (answers `mmi.workers`).
    public func workerDirectory(now: Instant) -> [ManagementDirectory.Worker] {
        workers.values.sorted { first, second in
            first.service == second.service
                ? Self.order(first.identity, second.identity)
                : first.service.bytes.lexicographicallyPrecedes(second.service.bytes)
        }.map { worker in
            let idle = worker.assignment == nil ? worker.idleSince.map { Self.milliseconds($0.duration(to: now)) } : nil
            return ManagementDirectory.Worker(
                service: "\(worker.service)", address: addresses[worker.identity] ?? "-", identity: "\(worker.identity)",
                isBusy: worker.assignment != nil, idleMilliseconds: idle ?? 0,
                silentMilliseconds: Self.milliseconds(worker.lastHeard.duration(to: now)))
        }
    }

    /// Every tracked service with its worker counts and queue depth, by name (answers `mmi.services`).
    public var serviceDirectory: [ManagementDirectory.Service] {
        services.sorted { $0.key.bytes.lexicographicallyPrecedes($1.key.bytes) }.map { name, record in
            ManagementDirectory.Service(
                name: "\(name)", workers: record.workerCount, idle: record.idle.count, queued: record.requests.count)
        }
    }

    /// Notes the network address libzmq reported for a worker's connection (`Peer-Address` of its
    /// READY message); the loop calls it right after the READY is handled. Unknown peers are ignored.
    /// Addresses of departed workers are dropped here, once they outnumber the live workers, so
    /// the map stays bounded without any work on the paths that remove workers.
    public mutating func recordAddress(_ address: String, of identity: PeerIdentity) {
        guard workers[identity] != nil else { return }
        addresses[identity] = address
        if addresses.count > 2 * workers.count + 16 {
            addresses = addresses.filter { workers[$0.key] != nil }
        }
    }

    /// The body answering `mmi.workers` or `mmi.services`, or `nil` for other services.
    func directoryReply(to service: ServiceName, now: Instant) -> [[UInt8]]? {
        switch service {
        case ManagementDirectory.workersService: ManagementDirectory.body(workerDirectory(now: now).map(\.fields))
        case ManagementDirectory.servicesService: ManagementDirectory.body(serviceDirectory.map(\.fields))
        default: nil
        }
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return max(0, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }
}
