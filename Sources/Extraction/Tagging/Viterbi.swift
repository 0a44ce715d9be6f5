/// Exact first-order decoding: the best label sequence under per-token emission scores and
/// label-to-label transition scores, honouring a mask of allowed transitions.
///
/// The inner step runs 24 labels at a time (three SIMD blocks of eight): for each label the best previous label is the
/// first one (in label order) with the highest score, exactly as a scalar scan with a strict `>`
/// finds it. A forbidden transition scores −∞, which never beats the initial −∞ best.
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
        decode(
            emissions: emissions, transitions: transitions, allowed: allowed,
            masked: maskedTransitions(transitions: transitions, allowed: allowed, labels: labels),
            count: count, labels: labels)
    }

    /// Label-to-label transitions with forbidden ones −∞, rows padded to `paddedWidth`: what
    /// the inner step reads (a model computes it once).
    static func maskedTransitions(transitions: [Float], allowed: [Bool], labels: Int) -> [Float] {
        let width = labels + 1
        let padded = paddedWidth(labels)
        var masked = [Float](repeating: -.infinity, count: labels * padded)
        for previous in 0..<labels {
            for label in 0..<labels where allowed[previous * width + label] {
                masked[previous * padded + label] = transitions[previous * width + label]
            }
        }
        return masked
    }

    /// Per previous label, the highest and lowest allowed label-to-label transition score, and its
    /// group: labels that may be followed by exactly the same labels. With them a step skips
    /// previous labels that cannot be any label's best (see `decode`).
    struct Bounds: Sendable {
        let rowMaximum: [Float]
        let rowMinimum: [Float]
        /// Group of each label (0, 1, …).
        let group: [Int]
        /// Number of groups.
        let groupCount: Int

        /// The bounds of `masked` (`maskedTransitions`; forbidden transitions are −∞), or `nil`
        /// when some allowed transition is not finite.
        init?(masked: [Float], labels: Int) {
            let padded = Viterbi.paddedWidth(labels)
            var rowMaximum: [Float] = []
            var rowMinimum: [Float] = []
            var group: [Int] = []
            var patterns: [[Bool]] = []
            for previous in 0..<labels {
                let row = masked[(previous * padded)..<(previous * padded + labels)]
                let allowed = row.filter { $0 != -.infinity }
                guard allowed.allSatisfy(\.isFinite) else { return nil }
                rowMaximum.append(allowed.max() ?? -.infinity)
                rowMinimum.append(allowed.min() ?? -.infinity)
                let pattern = row.map { $0 != -.infinity }
                if let index = patterns.firstIndex(of: pattern) {
                    group.append(index)
                } else {
                    group.append(patterns.count)
                    patterns.append(pattern)
                }
            }
            self.rowMaximum = rowMaximum
            self.rowMinimum = rowMinimum
            self.group = group
            groupCount = patterns.count
        }
    }

    /// `decode` with the transitions already masked (`maskedTransitions`).
    ///
    /// With `bounds`, each step first finds in each group of previous labels (labels that may be
    /// followed by the same labels) its best label `top` (score `s`), then skips every label `p`
    /// of the group with `score(p) + rowMaximum(p) < s + rowMinimum(top)`: each of its candidates
    /// is below `top`'s candidate for the same label, so it is never the best and never ties it.
    /// Float addition is monotonic, so the rounded sums keep that order: the result is exactly
    /// the full scan's.
    static func decode(
        emissions: [Float], transitions: [Float], allowed: [Bool], masked: [Float], count: Int, labels: Int,
        bounds: Bounds? = nil
    ) -> [Int] {
        guard count > 0 else { return [] }
        let width = labels + 1
        let padded = paddedWidth(labels)
        precondition(masked.count == labels * padded, "masked transitions of another shape")
        var scores = [Float](repeating: -.infinity, count: count * padded)
        var back = [Int32](repeating: 0, count: count * padded)
        for label in 0..<labels where allowed[labels * width + label] {
            scores[label] = transitions[labels * width + label] + emissions[label]
        }
        var kept = (0..<Int32(labels)).map { $0 }
        masked.withUnsafeBufferPointer { masked in
            scores.withUnsafeMutableBufferPointer { scores in
                back.withUnsafeMutableBufferPointer { back in
                    emissions.withUnsafeBufferPointer { emissions in
                        kept.withUnsafeMutableBufferPointer { kept in
                            var keptCount = labels
                            for position in 1..<count {
                                if let bounds {
                                    keptCount = candidates(
                                        scores: UnsafeBufferPointer(rebasing: scores[((position - 1) * padded)...]),
                                        labels: labels, bounds: bounds, into: kept)
                                }
                                step(
                                    position: position, labels: labels, padded: padded, masked: masked, scores: scores,
                                    back: back, emissions: emissions,
                                    previousLabels: UnsafeBufferPointer(rebasing: kept[0..<keptCount]))
                            }
                        }
                    }
                }
            }
        }
        var best = -Float.infinity
        var label = 0
        let lastRow = (count - 1) * padded
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
            label = Int(back[position * padded + label])
            position -= 1
            path[position] = label
        }
        return path
    }

    /// Row width of the score, back-pointer and masked-transition tables: whole groups of three
    /// blocks of eight labels (padding scores −∞, never chosen).
    static func paddedWidth(_ labels: Int) -> Int { (labels + 23) / 24 * 24 }

    /// Scores and back pointers of `position` from those of `position - 1`, three blocks of eight
    /// labels at a time: each previous label's score is broadcast once per group, and the three
    /// blocks' running maxima stay in registers as independent chains.
    @inline(__always)
    private static func step(
        position: Int, labels: Int, padded: Int, masked: UnsafeBufferPointer<Float>,
        scores: UnsafeMutableBufferPointer<Float>, back: UnsafeMutableBufferPointer<Int32>,
        emissions: UnsafeBufferPointer<Float>, previousLabels: UnsafeBufferPointer<Int32>
    ) {
        let row = position * padded
        let previousRow = row - padded
        let transitionBase = UnsafeRawPointer(masked.baseAddress.unsafelyUnwrapped)
        let scoreBase = UnsafeMutableRawPointer(scores.baseAddress.unsafelyUnwrapped)
        let backBase = UnsafeMutableRawPointer(back.baseAddress.unsafelyUnwrapped)
        for group in stride(from: 0, to: padded, by: 24) {
            var best0 = SIMD8<Float>(repeating: -.infinity)
            var best1 = best0
            var best2 = best0
            var previous0 = SIMD8<Int32>(repeating: 0)
            var previous1 = previous0
            var previous2 = previous0
            for label in previousLabels {
                let previous = Int(label)
                let score = SIMD8<Float>(repeating: scores[previousRow + previous])
                let offset = (previous * padded + group) * 4
                let candidate0 = score + transitionBase.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                let candidate1 = score + transitionBase.loadUnaligned(fromByteOffset: offset + 32, as: SIMD8<Float>.self)
                let candidate2 = score + transitionBase.loadUnaligned(fromByteOffset: offset + 64, as: SIMD8<Float>.self)
                let better0 = candidate0 .> best0
                let better1 = candidate1 .> best1
                let better2 = candidate2 .> best2
                let label = SIMD8<Int32>(repeating: label)
                best0.replace(with: candidate0, where: better0)
                best1.replace(with: candidate1, where: better1)
                best2.replace(with: candidate2, where: better2)
                previous0.replace(with: label, where: better0)
                previous1.replace(with: label, where: better1)
                previous2.replace(with: label, where: better2)
            }
            let offset = (row + group) * 4
            scoreBase.storeBytes(of: best0, toByteOffset: offset, as: SIMD8<Float>.self)
            scoreBase.storeBytes(of: best1, toByteOffset: offset + 32, as: SIMD8<Float>.self)
            scoreBase.storeBytes(of: best2, toByteOffset: offset + 64, as: SIMD8<Float>.self)
            backBase.storeBytes(of: previous0, toByteOffset: offset, as: SIMD8<Int32>.self)
            backBase.storeBytes(of: previous1, toByteOffset: offset + 32, as: SIMD8<Int32>.self)
            backBase.storeBytes(of: previous2, toByteOffset: offset + 64, as: SIMD8<Int32>.self)
        }
        for label in 0..<labels {
            scores[row + label] += emissions[position * labels + label]
        }
    }

    /// Writes the previous labels (in label order) that can still be some label's best at the next
    /// step into `kept`, returning how many (see `decode`).
    @inline(__always)
    private static func candidates(
        scores: UnsafeBufferPointer<Float>, labels: Int, bounds: Bounds, into kept: UnsafeMutableBufferPointer<Int32>
    ) -> Int {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: bounds.groupCount) { top in
            top.initialize(repeating: -1)
            for label in 0..<labels {
                let group = bounds.group[label]
                if top[group] < 0 || scores[label] > scores[top[group]] { top[group] = label }
            }
            return withUnsafeTemporaryAllocation(of: Float.self, capacity: bounds.groupCount) { threshold in
                for group in 0..<bounds.groupCount {
                    threshold[group] = top[group] < 0 ? -.infinity : scores[top[group]] + bounds.rowMinimum[top[group]]
                }
                var count = 0
                for label in 0..<labels
                where !(scores[label] + bounds.rowMaximum[label] < threshold[bounds.group[label]]) {
                    kept[count] = Int32(label)
                    count += 1
                }
                return count
            }
        }
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
