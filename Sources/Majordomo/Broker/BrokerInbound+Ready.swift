extension BrokerInbound {
    /// A cheap look at raw ROUTER frames: true when they may be a worker READY (in either dialect),
    /// the one message whose connection address the broker records. False positives are harmless.
    static func mayBeWorkerReady(routerFrames frames: [[UInt8]]) -> Bool {
        let ready = MDPConstants.WorkerCode.ready.rawValue
        if frames.count >= 4, frames[1] == MDPConstants.workerHeader, frames[2] == [ready] { return true }
        return frames.count >= 5 && frames[1].isEmpty && frames[2] == MDPConstants.workerHeader && frames[3] == [ready]
    }
}
