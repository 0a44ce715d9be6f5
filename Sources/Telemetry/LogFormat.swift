/// How log records are written: one line each, in one of three shapes.
public enum LogFormat: String, CaseIterable, Sendable, Codable {
    /// `2026-11-29T03:40:00.123Z info newsbus.broker: broker started mdp.endpoints=[…]`, for people.
    case text
    /// `ts=… level=info logger=newsbus.broker msg="broker started" mdp.endpoints=…`, for log shippers.
    case logfmt
    /// `{"ts":"…","level":"info","logger":"newsbus.broker","msg":"broker started",…}`, one object a line.
    case json
}
