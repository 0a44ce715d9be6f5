/// The two framings of MDP 0.2 in use: the RFC's, and the one `majortomo` (and code derived
/// from MDP 0.1) speaks.
///
/// * ``rfc18``: messages start with the protocol header; client commands are REQUEST 0x01,
///   PARTIAL 0x02, FINAL 0x03; replies to clients carry the service name.
/// * ``majortomo``: every message starts with an empty delimiter frame (as a REQ socket would
///   send); client commands are REQUEST 0x02, PARTIAL 0x03, FINAL 0x04; replies to clients
///   carry no service name frame (majortomo's client returns every frame after the command as
///   the body).
///
/// A peer's dialect is recognised by the empty first frame, and the broker answers each peer
/// in the dialect it spoke.
public enum Dialect: Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// ZeroMQ RFC 18 exactly.
    case rfc18
    /// A leading empty frame and client commands numbered like worker commands.
    case majortomo

    /// Splits a message (without any ROUTER envelope) into its dialect and the frames from the
    /// protocol header on.
    static func detect(_ frames: ArraySlice<[UInt8]>) -> (Dialect, ArraySlice<[UInt8]>) {
        if let first = frames.first, first.isEmpty {
            return (.majortomo, frames.dropFirst())
        }
        return (.rfc18, frames)
    }

    /// The frames every message in this dialect starts with.
    var prefix: [[UInt8]] {
        self == .majortomo ? [[]] : []
    }

    /// "RFC 18" or "majortomo".
    public var description: String {
        self == .rfc18 ? "RFC 18" : "majortomo"
    }
}
