import Testing

@testable import Aggregation

@Suite("PairCounts")
struct PairCountsTests {
    @Test("counts what a dictionary counts, through many growths, and lists every pair once, heaviest first")
    func matchesDictionary() {
        var generator = SystemRandomNumberGenerator()
        var table = PairCounts()
        var reference: [UInt64: Int] = [:]
        for _ in 0..<20_000 {
            let first = Int.random(in: 0..<300, using: &generator)
            var second = Int.random(in: 0..<300, using: &generator)
            if second == first { second = (first + 1) % 300 }
            let amount = Int.random(in: 1...5, using: &generator)
            let key = PairCounts.key(first, second)
            table.add(key, amount)
            reference[key, default: 0] += amount
        }
        #expect(table.count == reference.count)
        for (key, count) in reference {
            #expect(table.count(of: key) == count)
        }
        let listed = table.heaviestFirst()
        let expected = reference.map { (first: Int($0.key >> 32), second: Int($0.key & 0xFFFF_FFFF), count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : ($0.first, $0.second) < ($1.first, $1.second) }
        #expect(listed.map { [$0.first, $0.second, $0.count] } == expected.map { [$0.first, $0.second, $0.count] })
        #expect(listed.allSatisfy { $0.first < $0.second })
    }

    @Test("a pair's word does not depend on the order of its indices; an unseen pair counts 0")
    func order() {
        var table = PairCounts()
        table.add(PairCounts.key(7, 3), 2)
        table.add(PairCounts.key(3, 7), 1)
        #expect(table.count(of: PairCounts.key(3, 7)) == 3)
        #expect(table.count(of: PairCounts.key(3, 8)) == 0)
        #expect(table.heaviestFirst().map { [$0.first, $0.second, $0.count] } == [[3, 7, 3]])
    }
}
