import ZeroMQ

/// Opens the DEALER socket a worker or client uses to talk to the broker: message size bound,
/// optional CURVE client keys, connected to `endpoint`. Call on the loop thread that will use it.
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
