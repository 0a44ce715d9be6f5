/// Parses one pattern line (`- [pre] * [object] [(PREP NOUN)...] [CODE]`) into a `VerbPattern`.
///
/// `*` marks the verb (also inside `_`-joined words: `IN_*`, `*_OUT`); `{A B}` and `A_B` are
/// consecutive words; `(P N ...)` is a prepositional phrase; `&NAME` expands to a synset.
/// The actor markers `$`, `+`, `%` and the skip marker `^` constrain nothing here and are dropped.
struct VerbPatternParser {
    let parser: VerbDictionaryParser

    /// A lexical piece of a pattern line.
    private enum Piece {
        case verb
        case words([String])
        case group([[String]])
    }

    func pattern(_ line: Substring) -> VerbPattern? {
        guard let specification = VerbDictionaryParser.bracketed(line),
            let codes = EventCodePair(specification: specification),
            let open = line.lastIndex(of: "[")
        else { return nil }
        var before: [PatternElement] = []
        var after: [PatternElement] = []
        var seenVerb = false
        for piece in pieces(line[..<open]) {
            let element: PatternElement?
            switch piece {
            case .verb:
                seenVerb = true
                element = nil
            case .words(let words):
                element = term(words).map { .noun($0) }
            case .group(let parts):
                element = prepositional(parts)
            }
            if let element { seenVerb ? after.append(element) : before.append(element) }
        }
        guard seenVerb else { return nil }
        return VerbPattern(before: before, after: after, codes: codes)
    }

    /// The word runs and groups of a pattern text, in order.
    private func pieces(_ text: Substring) -> [Piece] {
        var result: [Piece] = []
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == " " || character == "\t" {
                index = text.index(after: index)
            } else if character == "(" {
                let close = text[index...].firstIndex(of: ")") ?? text.endIndex
                let inner = text[text.index(after: index)..<close]
                result.append(.group(groupParts(inner)))
                index = close < text.endIndex ? text.index(after: close) : close
            } else if character == "{" {
                let close = text[index...].firstIndex(of: "}") ?? text.endIndex
                let words = VerbDictionaryParser.words(text[text.index(after: index)..<close])
                result.append(.words(words.filter { !VerbPatternParser.isMarker($0) }))
                index = close < text.endIndex ? text.index(after: close) : close
            } else {
                let end = text[index...].firstIndex(where: { $0 == " " || $0 == "\t" || $0 == "(" || $0 == "{" })
                    ?? text.endIndex
                result += wordPieces(text[index..<end])
                index = end
            }
        }
        return result
    }

    /// `_`-joined parts, with synset names that contain `_` (`&FIGHT_OF_WORDS`) kept whole.
    private func joinedParts(_ token: Substring) -> [String] {
        let parts = token.split(separator: "_").filter { !$0.isEmpty }.map { $0.uppercased() }
        var result: [String] = []
        var index = 0
        while index < parts.count {
            var part = parts[index]
            if part.hasPrefix("&") {
                var end = index + 1
                var candidate = part
                while end < parts.count {
                    candidate += "_" + parts[end]
                    end += 1
                    if parser.synsets[VerbDictionaryParser.synsetName(Substring(candidate))] != nil {
                        part = candidate
                        index = end - 1
                    }
                }
            }
            result.append(part)
            index += 1
        }
        return result
    }

    /// `IN_AND_*_OUT` becomes words `IN AND`, the verb, words `OUT`.
    private func wordPieces(_ token: Substring) -> [Piece] {
        var result: [Piece] = []
        var run: [String] = []
        for part in joinedParts(token) {
            if part == "*" {
                if !run.isEmpty { result.append(.words(run)) }
                run = []
                result.append(.verb)
            } else if !VerbPatternParser.isMarker(part) {
                run.append(part)
            }
        }
        if !run.isEmpty { result.append(.words(run)) }
        return result
    }

    /// Inside `( … )`: space-separated terms, `{…}` grouping consecutive words.
    private func groupParts(_ inner: Substring) -> [[String]] {
        var parts: [[String]] = []
        var index = inner.startIndex
        while index < inner.endIndex {
            if inner[index] == " " || inner[index] == "\t" {
                index = inner.index(after: index)
            } else if inner[index] == "{" {
                let close = inner[index...].firstIndex(of: "}") ?? inner.endIndex
                parts.append(VerbDictionaryParser.words(inner[inner.index(after: index)..<close]))
                index = close < inner.endIndex ? inner.index(after: close) : close
            } else {
                let end = inner[index...].firstIndex(where: { $0 == " " || $0 == "\t" || $0 == "{" }) ?? inner.endIndex
                parts.append(joinedParts(inner[index..<end]).map { $0.hasPrefix("+") && $0.count > 1 ? String($0.dropFirst()) : $0 })
                index = end
            }
        }
        return parts.map { $0.filter { !VerbPatternParser.isMarker($0) } }.filter { !$0.isEmpty }
    }

    private func prepositional(_ parts: [[String]]) -> PatternElement? {
        guard let first = parts.first, let preposition = term(first) else { return nil }
        return .prepositional(preposition, parts.dropFirst().compactMap { term($0) })
    }

    private func term(_ words: [String]) -> PatternTerm? {
        guard !words.isEmpty else { return nil }
        let alternatives = parser.expand(words, depth: 0).filter { !$0.isEmpty }
        return alternatives.isEmpty ? nil : PatternTerm(alternatives: alternatives)
    }

    private static func isMarker(_ word: String) -> Bool {
        word == "$" || word == "+" || word == "^" || word == "%" || word == "*"
    }
}
