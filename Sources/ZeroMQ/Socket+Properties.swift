extension Socket {
    /// Receives one multipart message like ``receive(dontWait:)`` and, when `wanted` says so for
    /// the frames, also the metadata property `name` of its last frame (see ``Message/property(_:)``).
    /// The property is looked up only for messages `wanted` accepts, so the common path pays one
    /// call of `wanted` and nothing else.
    public func receive(
        dontWait: Bool = false, property name: String, when wanted: ([[UInt8]]) -> Bool
    ) throws(ZMQError) -> (frames: [[UInt8]], property: String?)? {
        var frames: [[UInt8]] = []
        var dontWait = dontWait
        let message = Message()
        while true {
            guard try receive(into: message, dontWait: dontWait) else {
                return frames.isEmpty ? nil : (frames, nil)
            }
            frames.append(message.bytes)
            if !message.hasMore {
                return (frames, wanted(frames) ? message.property(name) : nil)
            }
            dontWait = false
        }
    }
}
