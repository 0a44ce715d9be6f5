/// The quick-reject data of a block's patterns (`VerbPattern.weight`, `beforeBits`, `afterBits`)
/// in one flat array, pattern after pattern: scanning a block reads it front to back instead of
/// following two array references per pattern.
///
/// Per pattern: its weight, the lengths of its before and after groups, then the groups.
struct PatternScreen: Hashable, Sendable {
    private(set) var values: [UInt16] = []
    /// Number of patterns.
    private(set) var count = 0

    /// The screen of `patterns`, in order.
    init(_ patterns: [VerbPattern] = []) {
        for pattern in patterns { append(pattern) }
    }

    /// Adds a pattern at the end.
    mutating func append(_ pattern: VerbPattern) {
        values.append(UInt16(clamping: pattern.weight))
        values.append(UInt16(pattern.beforeBits.count))
        values.append(UInt16(pattern.afterBits.count))
        values += pattern.beforeBits
        values += pattern.afterBits
        count += 1
    }
}
