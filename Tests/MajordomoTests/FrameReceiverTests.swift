import Majordomo
import Testing
import ZeroMQ

/// FrameReceiver hands out shared arrays for repeated short frames; what it returns must still be
/// exactly what was sent, frame for frame.
@Suite("Frame receiver")
struct FrameReceiverTests {
    /// A connected PAIR over a unique inproc name: (sender, receiver socket).
    static func pair(_ context: Context) throws -> (Socket, Socket) {
        let endpoint = "inproc://frame-receiver-\(UInt64.random(in: 0...UInt64.max))"
        let receiving = try Socket(context, type: .pair)
        try receiving.bind(endpoint)
        let sending = try Socket(context, type: .pair)
        try sending.connect(endpoint)
        try receiving.set(.receiveTimeout(.seconds(5)))
        return (sending, receiving)
    }

    @Test("Frames come back exactly as sent, past the ring's size of distinct short frames")
    func framesRoundTrip() throws {
        let context = try Context()
        let (sending, receiving) = try Self.pair(context)
        let receiver = FrameReceiver()
        // 40 distinct short ids (more than the ring holds), the MDP constants, empty frames, a
        // one-byte body equal to a command byte, and bodies just over the short-frame length.
        for round in 0..<3 {
            for index in 0..<40 {
                let id: [UInt8] = [0, UInt8(index), UInt8(round), 7, 9]
                let body = (0..<(33 + index)).map { UInt8(truncatingIfNeeded: $0 &+ index) }
                let frames: [[UInt8]] = [id, [], Array("MDPW02".utf8), [0x04], id, [], body, [0x02]]
                try sending.send(frames)
                #expect(try receiver.receive(from: receiving, dontWait: false) == frames)
            }
        }
        #expect(try receiver.receive(from: receiving, dontWait: true) == nil)
    }

    @Test("A repeated header frame is one shared array, not a copy per message")
    func sharesRepeatedFrames() throws {
        let context = try Context()
        let (sending, receiving) = try Self.pair(context)
        let receiver = FrameReceiver()
        try sending.send([Array("MDPC02".utf8), Array("echo".utf8)])
        try sending.send([Array("MDPC02".utf8), Array("echo".utf8)])
        let first = try #require(try receiver.receive(from: receiving, dontWait: false))
        let second = try #require(try receiver.receive(from: receiving, dontWait: false))
        #expect(first == second)
        for index in 0..<2 {
            let addresses = [first[index], second[index]].map { $0.withUnsafeBufferPointer { $0.baseAddress } }
            #expect(addresses[0] == addresses[1])
        }
    }

    @Test("The property is read only for messages the predicate accepts")
    func propertyWhenWanted() throws {
        let context = try Context()
        let receiving = try Socket(context, type: .pair)
        try receiving.bind("tcp://127.0.0.1:0")
        try receiving.set(.receiveTimeout(.seconds(5)))
        let sending = try Socket(context, type: .pair)
        try sending.connect(try receiving.lastEndpoint)
        let receiver = FrameReceiver()
        try sending.send([Array("one".utf8)])
        try sending.send([Array("two".utf8)])
        let skipped = try #require(
            try receiver.receive(from: receiving, dontWait: false, property: "Peer-Address") { _ in false })
        #expect(skipped.frames == [Array("one".utf8)])
        #expect(skipped.property == nil)
        let read = try #require(
            try receiver.receive(from: receiving, dontWait: false, property: "Peer-Address") { _ in true })
        #expect(read.frames == [Array("two".utf8)])
        #expect(read.property == "127.0.0.1")
    }
}
