/// Parses one pattern line (`- [pre] * [object] [(PREP NOUN)...] [CODE]`) into a `VerbPattern`.
///
/// `*` marks the verb (also inside `_`-joined words: `IN_*`, `*_OUT`); `{A B}` and `A_B` are
/// consecutive words; `(P N ...)` is a prepositional phrase; `&NAME` expands to a synset.
/// The actor markers `$`, `+`, `%` and the skip marker `^` constrain nothing here and are dropped.
struct VerbPatternParser {
    /// The dictionary's parser, its synsets read.
    let parser: VerbDictionaryParser
    /// Terms made so far, by their words: many patterns share a term (`&MILITARY` is in 150), and
    /// expanding its synsets and indexing its alternatives was a third of the parse.
    private var terms: [[String]: PatternTerm?] = [:]

    init(parser: VerbDictionaryParser) {
        self.parser = parser
    }

    /// A lexical piece of a pattern line.
    private enum Piece {
        case verb
        case words([String])
        case group([[String]])
    }

    mutating func pattern(_ line: Substring) -> VerbPattern? {
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

    /// The word runs and groups of a pattern text, in order. The delimiters are ASCII, so the text
    /// is walked as UTF-8 bytes (walking its `Character`s was a quarter of the parse).
    private func pieces(_ text: Substring) -> [Piece] {
        var result: [Piece] = []
        let bytes = text.utf8
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == Self.space || byte == Self.tab {
                index = bytes.index(after: index)
            } else if byte == Self.openParenthesis {
                let close = bytes[index...].firstIndex(of: Self.closeParenthesis) ?? bytes.endIndex
                let inner = text[bytes.index(after: index)..<close]
                result.append(.group(groupParts(inner)))
                index = close < bytes.endIndex ? bytes.index(after: close) : close
            } else if byte == Self.openBrace {
                let close = bytes[index...].firstIndex(of: Self.closeBrace) ?? bytes.endIndex
                let words = VerbDictionaryParser.words(text[bytes.index(after: index)..<close])
                result.append(.words(words.filter { !VerbPatternParser.isMarker($0) }))
                index = close < bytes.endIndex ? bytes.index(after: close) : close
            } else {
                let end =
                    bytes[index...].firstIndex(where: {
                        $0 == Self.space || $0 == Self.tab || $0 == Self.openParenthesis || $0 == Self.openBrace
                    }) ?? bytes.endIndex
                result += wordPieces(text[index..<end])
                index = end
            }
        }
        return result
    }

    private static let (space, tab) = (UInt8(ascii: " "), UInt8(ascii: "\t"))
    private static let (openParenthesis, closeParenthesis) = (UInt8(ascii: "("), UInt8(ascii: ")"))
    private static let (openBrace, closeBrace) = (UInt8(ascii: "{"), UInt8(ascii: "}"))

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
        let bytes = inner.utf8
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == Self.space || bytes[index] == Self.tab {
                index = bytes.index(after: index)
            } else if bytes[index] == Self.openBrace {
                let close = bytes[index...].firstIndex(of: Self.closeBrace) ?? bytes.endIndex
                parts.append(VerbDictionaryParser.words(inner[bytes.index(after: index)..<close]))
                index = close < bytes.endIndex ? bytes.index(after: close) : close
            } else {
                let end =
                    bytes[index...].firstIndex(where: { $0 == Self.space || $0 == Self.tab || $0 == Self.openBrace })
                    ?? bytes.endIndex
                parts.append(
                    joinedParts(inner[index..<end]).map {
                        $0.hasPrefix("+") && $0.count > 1 ? String($0.dropFirst()) : $0
                    })
                index = end
            }
        }
        return parts.map { $0.filter { !VerbPatternParser.isMarker($0) } }.filter { !$0.isEmpty }
    }

    private mutating func prepositional(_ parts: [[String]]) -> PatternElement? {
        guard let first = parts.first, let preposition = term(first) else { return nil }
        return .prepositional(preposition, parts.dropFirst().compactMap { term($0) })
    }

    private mutating func term(_ words: [String]) -> PatternTerm? {
        guard !words.isEmpty else { return nil }
        if let known = terms[words] { return known }
        let alternatives = parser.expand(words, depth: 0).filter { !$0.isEmpty }
        let term = alternatives.isEmpty ? nil : PatternTerm(alternatives: alternatives)
        terms[words] = term
        return term
    }

    private static func isMarker(_ word: String) -> Bool {
        word == "$" || word == "+" || word == "^" || word == "%" || word == "*"
    }
}
