internal import CZeroMQ

extension Socket {
    /// Sets one option; see ``SocketOption`` for what each does.
    public func set(_ option: SocketOption) throws(ZMQError) {
        let handle = try openHandle("zmq_setsockopt(\(option.name))")
        let (number, value) = option.encoded
        try typed {
            value.withUnsafeBytes { buffer in
                Result { () throws(ZMQError) in
                    try call("zmq_setsockopt(\(option.name))") {
                        zmq_setsockopt(handle, number, buffer.baseAddress, buffer.count)
                    }
                }
            }
        }
    }

    /// The endpoint of the last bind or connect, with wildcards resolved: after binding
    /// `tcp://127.0.0.1:0` it names the port the system chose.
    public var lastEndpoint: String {
        get throws(ZMQError) {
            let bytes = try bytesOption(ZMQ_LAST_ENDPOINT, named: "ZMQ_LAST_ENDPOINT", capacity: 1024)
            return String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
    }

    /// This socket's routing id (empty if none was set and none was assigned).
    public var routingID: [UInt8] {
        get throws(ZMQError) {
            try bytesOption(ZMQ_ROUTING_ID, named: "ZMQ_ROUTING_ID", capacity: 256)
        }
    }

    private func bytesOption(_ number: Int32, named name: String, capacity: Int) throws(ZMQError) -> [UInt8] {
        let handle = try openHandle("zmq_getsockopt(\(name))")
        var size = capacity
        var buffer = [UInt8](repeating: 0, count: capacity)
        try typed {
            buffer.withUnsafeMutableBytes { raw in
                Result { () throws(ZMQError) in
                    try call("zmq_getsockopt(\(name))") { zmq_getsockopt(handle, number, raw.baseAddress, &size) }
                }
            }
        }
        return Array(buffer.prefix(size))
    }
}
