/// Date look-ups other stages use (the event coder dates events by their sentence).
extension Document {
    /// The date value of sentence `index`: its most specific resolved expression (day, then week, month,
    /// season/quarter/half, year, decade), the first one on ties; `nil` when the sentence has none.
    public func dateValue(forSentence index: Int) -> String? {
        var best: (rank: Int, value: String)?
        for expression in dates where expression.sentence == index {
            guard let value = expression.value else { continue }
            let rank = Document.granularityRank(of: value)
            if best.map({ rank > $0.rank }) ?? true {
                best = (rank, value)
            }
        }
        return best?.value
    }

    /// 5 for a day (`2025-11-06`), 4 for a week (`2025-W45`), 3 for a month (`2025-05`), 2 for a season,
    /// quarter or half (`2025-SP`, `2025-Q3`, `2025-H1`), 1 for a year, 0 for a decade.
    static func granularityRank(of value: String) -> Int {
        let bytes = value.utf8
        switch bytes.count {
        case 10: return 5
        case 8: return 4
        case 7:
            let letter = bytes.dropFirst(5).first.map { $0 >= UInt8(ascii: "A") } ?? false
            return letter ? 2 : 3
        case 4: return 1
        default: return 0
        }
    }
}
