/// A point in manual time: tests create instants and move them by hand, so timing logic runs
/// without a real clock and without waiting.
public struct ManualInstant: InstantProtocol {
    /// Time since the test's origin.
    public var offset: Duration

    /// The origin.
    public static let zero = ManualInstant(offset: .zero)

    /// An instant `offset` after the origin.
    public init(offset: Duration) {
        self.offset = offset
    }

    /// This instant moved by `duration`.
    public func advanced(by duration: Duration) -> ManualInstant {
        ManualInstant(offset: offset + duration)
    }

    /// The time from this instant to `other`.
    public func duration(to other: ManualInstant) -> Duration {
        other.offset - offset
    }

    /// Earlier instants compare smaller.
    public static func < (lhs: ManualInstant, rhs: ManualInstant) -> Bool {
        lhs.offset < rhs.offset
    }
}
