/// Date look-ups other stages use (the event coder dates events by their sentence).
extension Document {
    /// The date value of sentence `index`: its most specific resolved expression (day, then week, month,
    /// year, decade), the first one on ties; `nil` when the sentence has none.
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

    /// 4 for a day (`2025-11-06`), 3 for a week (`2025-W45`), 2 for a month, 1 for a year, 0 for a decade.
    static func granularityRank(of value: String) -> Int {
        switch value.utf8.count {
        case 10: 4
        case 8: 3
        case 7: 2
        case 4: 1
        default: 0
        }
    }
}
