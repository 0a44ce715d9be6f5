internal import CZeroMQ

extension Message {
    /// A metadata property of a received frame (`zmq_msg_gets`), such as `"Peer-Address"` (the
    /// remote IP of a TCP connection) or `"Socket-Type"`; `nil` when libzmq has none, e.g. for
    /// inproc peers or frames a ROUTER socket made itself (the routing id frame).
    public func property(_ name: String) -> String? {
        guard let value = zmq_msg_gets(pointer, name) else { return nil }
        return String(cString: value)
    }
}
