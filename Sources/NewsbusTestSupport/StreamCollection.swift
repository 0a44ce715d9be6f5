/// Collects the first `count` elements of `stream`, failing if they take longer than `timeout`
/// (or the stream ends first), so a test never hangs on a reply that does not come.
public func collect<Element: Sendable>(
    _ count: Int, from stream: AsyncStream<Element>, within timeout: Duration
) async throws -> [Element] {
    try await withThrowingTaskGroup(of: [Element]?.self) { group in
        group.addTask {
            var elements: [Element] = []
            for await element in stream {
                elements.append(element)
                if elements.count == count { break }
            }
            return elements
        }
        group.addTask {
            try await Task.sleep(for: timeout)
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let elements = first, elements.count == count else {
            throw StreamCollectionError(expected: count, timeout: timeout)
        }
        return elements
    }
}

/// A stream did not deliver enough elements in time.
public struct StreamCollectionError: Error, CustomStringConvertible {
    /// How many elements were expected.
    public let expected: Int
    /// How long the test waited.
    public let timeout: Duration

    /// What was missing.
    public var description: String {
        "expected \(expected) elements within \(timeout), the stream delivered fewer"
    }
}
