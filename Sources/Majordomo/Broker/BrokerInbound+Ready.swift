extension BrokerInbound {
    /// A cheap look at raw ROUTER frames: true when they may be a worker READY (in either dialect),
    /// the one message whose connection address the broker records. False positives are harmless.
    static func mayBeWorkerReady(routerFrames frames: [[UInt8]]) -> Bool {
        // Compared byte by byte: an array literal here would allocate for every message.
        let ready = MDPConstants.WorkerCode.ready.rawValue
        func isReady(_ frame: [UInt8]) -> Bool { frame.count == 1 && frame[0] == ready }
        if frames.count >= 4, frames[1] == MDPConstants.workerHeader, isReady(frames[2]) { return true }
        return frames.count >= 5 && frames[1].isEmpty && frames[2] == MDPConstants.workerHeader && isReady(frames[3])
    }
}
