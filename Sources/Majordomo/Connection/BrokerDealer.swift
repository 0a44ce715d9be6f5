import ZeroMQ

/// Opens the DEALER socket a worker or client uses to talk to the broker: message size bound,
/// no bound on what it queues either way, optional CURVE client keys, connected to `endpoint`.
/// Call on the loop thread that will use it.
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
        // No bound on either queue (libzmq's default is 1 000 messages each way): what arrives
        // was asked for (replies to this client's requests, requests within this worker's
        // credit), and what leaves is bounded by the caller (the client's window, the worker's
        // credit). A bound would only drop messages: a loop busy for a while would make the
        // broker drop replies for it, and a burst of requests past 1 000 would be dropped here.
        try socket.set(.receiveHighWaterMark(0))
        try socket.set(.sendHighWaterMark(0))
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
