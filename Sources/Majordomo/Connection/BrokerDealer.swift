import ZeroMQ

/// Opens the DEALER socket a worker or client uses to talk to the broker: message size bound,
/// no bound on what it queues inbound, optional CURVE client keys, connected to `endpoint`. Call
/// on the loop thread that will use it.
func openBrokerDealer(
    context: Context,
    endpoint: String,
    frameLimits: FrameLimits,
    curveServerKey: CurveKey?,
    curveKeyPair: CurveKeyPair?
) throws(ZMQError) -> Socket {
    let socket = try Socket(context, type: .dealer)
    do {
        try socket.set(.maxMessageSize(Int64(frameLimits.maximumFrameSize)))
        // Everything that arrives was asked for (replies to this client's requests, or the
        // requests its credit lets the broker send this worker): take it all, so that a loop
        // busy for a while never makes the broker drop messages for it (libzmq's default bound
        // of 1 000 would, behind a window or credit larger than that).
        try socket.set(.receiveHighWaterMark(0))
        if let curveServerKey, let curveKeyPair {
            try socket.set(.curveServerKey(curveServerKey))
            try socket.set(.curvePublicKey(curveKeyPair.publicKey))
            try socket.set(.curveSecretKey(curveKeyPair.secretKey))
        }
        try socket.connect(endpoint)
    } catch {
        socket.close()
        throw error
    }
    return socket
}
