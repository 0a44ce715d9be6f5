/// A reply's chunk-local entity ids ("e1", "e2", ...) to job entities. The ids a worker gives are
/// "e" and 1 to the number of entities, looked up by that number without hashing; any other id
/// (a worker that names them otherwise) goes through a dictionary.
struct LocalEntities {
    private var numbered: [Int]
    private var named: [String: Int] = [:]

    init(count: Int) {
        numbered = Array(repeating: -1, count: count)
    }

    subscript(id: String) -> Int? {
        get {
            if let number = number(id) { return numbered[number] < 0 ? nil : numbered[number] }
            return named[id]
        }
        set {
            if let number = number(id) { numbered[number] = newValue ?? -1 } else { named[id] = newValue }
        }
    }

    /// The index for "e<n>" with n from 1 to the count (no sign, no leading zero), or nil.
    private func number(_ id: String) -> Int? {
        var utf8 = id.utf8.makeIterator()
        guard utf8.next() == UInt8(ascii: "e"), let first = utf8.next(),
            (UInt8(ascii: "1")...UInt8(ascii: "9")).contains(first)
        else { return nil }
        var value = Int(first - UInt8(ascii: "0"))
        while let digit = utf8.next() {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit), value <= numbered.count else { return nil }
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
        }
        return value <= numbered.count ? value - 1 : nil
    }
}
