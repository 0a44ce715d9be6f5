/// Matches verb patterns against the words around a trigger: pre-verb elements in order in the
/// clause before it, object elements in order in the object window (gaps allowed, as in TABARI).
struct PatternMatcher {
    let view: SentenceView

    /// The best pattern of `block` for these windows: the one matching the most words (first wins ties).
    func best(in block: VerbBlock, before: Range<Int>, after: Range<Int>) -> VerbPattern? {
        var best = -1
        var bestWeight = 0
        let beforeStems = WordFilter(view.stemHashes, window: before)
        let afterStems = WordFilter(view.stemHashes, window: after)
        // A block changed without `append(_:)` gets its screen built here.
        let screen = block.screen.count == block.patterns.count ? block.screen : PatternScreen(block.patterns)
        // By index, so rejected patterns are never copied out (each copy retains its arrays).
        beforeStems.withWords { beforeWords in
            afterStems.withWords { afterWords in
                screen.values.withUnsafeBufferPointer { values in
                    var cursor = 0
                    for index in block.patterns.indices {
                        let weight = Int(values[cursor])
                        let beforeStart = cursor + 3
                        let afterStart = beforeStart + Int(values[cursor + 1])
                        cursor = afterStart + Int(values[cursor + 2])
                        guard best < 0 || weight > bestWeight,
                            WordFilter.mayContainAll(values, beforeStart..<afterStart, words: beforeWords),
                            WordFilter.mayContainAll(values, afterStart..<cursor, words: afterWords)
                        else { continue }
                        if matches(block.patterns[index].before, in: before),
                            matches(block.patterns[index].after, in: after)
                        {
                            best = index
                            bestWeight = weight
                        }
                    }
                }
            }
        }
        return best < 0 ? nil : block.patterns[best]
    }

    func matches(_ elements: [PatternElement], in window: Range<Int>) -> Bool {
        var cursor = window.lowerBound
        for element in elements {
            guard let next = match(element, from: cursor, in: window) else { return false }
            cursor = next
        }
        return true
    }

    /// Position after the element's first match at or after `start`, or `nil`.
    private func match(_ element: PatternElement, from start: Int, in window: Range<Int>) -> Int? {
        switch element {
        case .noun(let term):
            return find(term, from: start, until: window.upperBound).map { $0.upperBound }
        case .prepositional(let preposition, let nouns):
            var position = start
            while let head = find(preposition, from: position, until: window.upperBound) {
                let phraseEnd = nextPreposition(after: head.upperBound, until: window.upperBound)
                var cursor = head.upperBound
                var matched = true
                for noun in nouns {
                    guard let found = find(noun, from: cursor, until: phraseEnd) else {
                        matched = false
                        break
                    }
                    cursor = found.upperBound
                }
                if matched { return cursor }
                position = head.upperBound
            }
            return nil
        }
    }

    private func nextPreposition(after start: Int, until end: Int) -> Int {
        var cursor = start
        while cursor < end, !view.isPreposition(cursor) { cursor += 1 }
        return cursor
    }

    /// The first range at or after `start` (ending by `end`) where some alternative matches.
    private func find(_ term: PatternTerm, from start: Int, until end: Int) -> Range<Int>? {
        guard start < end else { return nil }
        for position in start..<end where hasHead(term, at: position) {
            for alternative in term.alternatives where position + alternative.count <= end {
                var ok = true
                for (offset, word) in alternative.enumerated()
                where !PatternMatcher.wordMatches(view.words[position + offset], word) {
                    ok = false
                    break
                }
                if ok { return position..<(position + alternative.count) }
            }
        }
        return nil
    }

    /// Whether one of the token's stems is a head word of the term (integer check, then the strings).
    private func hasHead(_ term: PatternTerm, at position: Int) -> Bool {
        guard view.stemHashes[position].contains(where: { term.headHashes.contains($0) }) else { return false }
        return view.stems[position].contains(where: term.heads.contains)
    }

    /// Exact, or a regular plural of the dictionary word ("ACCORDS", "PARTIES").
    static func wordMatches(_ token: String, _ word: String) -> Bool {
        if token == word { return true }
        guard token.count > word.count, token.hasPrefix(word.dropLast()) else { return false }
        if token.hasPrefix(word) {
            let suffix = token.dropFirst(word.count)
            return suffix == "S" || suffix == "ES"
        }
        return word.hasSuffix("Y") && token == word.dropLast() + "IES"
    }
}
