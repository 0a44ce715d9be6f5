import Testing

@testable import Aggregation

@Suite("LocalEntities")
struct LocalEntitiesTests {
    @Test("holds what a dictionary holds, for workers' own ids and any other string")
    func matchesDictionary() {
        let ids = ["e1", "e2", "e3", "e0", "e01", "e4", "e10", "e99999999999999999999", "", "E1", "e-1", "é1", "e1 ", "x", "e3"]
        var local = LocalEntities(count: 4)
        var reference: [String: Int] = [:]
        for (value, id) in ids.enumerated() {
            local[id] = value
            reference[id] = value
        }
        for id in Set(ids + ["e5", "e", "e00"]) {
            #expect(local[id] == reference[id], "\(id)")
        }
        local["e2"] = nil
        #expect(local["e2"] == nil && local["e1"] == 0 && local["e3"] == 14)
    }
}
