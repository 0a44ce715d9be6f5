/// Exact first-order decoding: the best label sequence under per-token emission scores and
/// label-to-label transition scores, honouring a mask of allowed transitions.
enum Viterbi {
    /// The best labels for `count` tokens.
    ///
    /// - Parameters:
    ///   - emissions: `count × labels` scores, row-major.
    ///   - transitions: `(labels + 1) × (labels + 1)` scores; index `labels` is the sentence boundary
    ///     (as the "from" row: start; as the "to" column: end).
    ///   - allowed: same shape as `transitions`; `false` forbids a transition.
    static func decode(
        emissions: [Float], transitions: [Float], allowed: [Bool], count: Int, labels: Int
    ) -> [Int] {
        guard count > 0 else { return [] }
        let width = labels + 1
        var scores = [Float](repeating: -.infinity, count: count * labels)
        var back = [Int32](repeating: 0, count: count * labels)
        for label in 0..<labels where allowed[labels * width + label] {
            scores[label] = transitions[labels * width + label] + emissions[label]
        }
        for position in 1..<count {
            let row = position * labels
            let previousRow = row - labels
            for label in 0..<labels {
                var best = -Float.infinity
                var bestPrevious = 0
                for previous in 0..<labels where allowed[previous * width + label] {
                    let score = scores[previousRow + previous] + transitions[previous * width + label]
                    if score > best {
                        best = score
                        bestPrevious = previous
                    }
                }
                scores[row + label] = best + emissions[row + label]
                back[row + label] = Int32(bestPrevious)
            }
        }
        var best = -Float.infinity
        var label = 0
        let lastRow = (count - 1) * labels
        for candidate in 0..<labels where allowed[candidate * width + labels] {
            let score = scores[lastRow + candidate] + transitions[candidate * width + labels]
            if score > best {
                best = score
                label = candidate
            }
        }
        var path = [Int](repeating: 0, count: count)
        path[count - 1] = label
        var position = count - 1
        while position > 0 {
            label = Int(back[position * labels + label])
            position -= 1
            path[position] = label
        }
        return path
    }

    /// The transition mask for `labels` given a rule on label names (`nil` = sentence boundary).
    static func mask(labels: [String], rule: (String?, String?) -> Bool) -> [Bool] {
        let width = labels.count + 1
        var allowed = [Bool](repeating: true, count: width * width)
        let names: [String?] = labels + [nil]
        for (from, previous) in names.enumerated() {
            for (to, next) in names.enumerated() {
                allowed[from * width + to] = rule(previous, next)
            }
        }
        return allowed
    }
}
