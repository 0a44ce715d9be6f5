/// Adds mentions of well-known countries and capitals the tagger missed, conservatively: the words
/// must match a fallback alias exactly (case included), lie outside every existing mention, and not
/// be part of a longer capitalised name ("Georgia Tech", "Bank of Israel").
struct GazetteerFallback {
    let tables: EntityTables

    /// `mentions` plus the gazetteer mentions found in sentences outside `skipping`, in text order.
    func adding(to mentions: [Mention], in document: Document, skipping junk: Set<Int>) -> [Mention] {
        guard tables.longestFallback > 0 else { return mentions }
        var covered = [Bool](repeating: false, count: document.tokens.count)
        for mention in mentions {
            for index in mention.tokens where index < covered.count { covered[index] = true }
        }
        var added: [Mention] = []
        for (number, sentence) in document.sentences.enumerated() where !junk.contains(number) {
            var index = sentence.tokens.lowerBound
            while index < sentence.tokens.upperBound {
                if let length = match(at: index, in: sentence.tokens, document: document, covered: covered) {
                    let span = TextSpan(
                        start: document.tokens[index].span.start, end: document.tokens[index + length - 1].span.end)
                    added.append(
                        Mention(
                            tokens: index..<(index + length), span: span, text: document.text(in: span), type: .location
                        ))
                    index += length
                } else {
                    index += 1
                }
            }
        }
        guard !added.isEmpty else { return mentions }
        return (mentions + added).sorted { $0.span.start < $1.span.start }
    }

    /// Length of the fallback alias starting at token `start`, if one fits.
    private func match(at start: Int, in sentence: Range<Int>, document: Document, covered: [Bool]) -> Int? {
        let tokens = document.tokens
        guard !covered[start], GazetteerFallback.isCapitalised(tokens[start].text) else { return nil }
        if start > sentence.lowerBound, GazetteerFallback.isCapitalised(tokens[start - 1].text) { return nil }
        var text = ""
        var best: Int?
        for length in 1...tables.longestFallback {
            let index = start + length - 1
            guard index < sentence.upperBound, !covered[index] else { break }
            if length > 1 {
                guard tokens[index].span.start == tokens[index - 1].span.end + 1 else { break }
                text += " "
            }
            text += tokens[index].text
            if tables.fallbackPlaces[text] != nil { best = length }
        }
        guard let length = best else { return nil }
        let next = start + length
        if next < sentence.upperBound,
            GazetteerFallback.isCapitalised(tokens[next].text)
                || ["-", "\u{2010}", "&"].contains(tokens[next].text)
        {
            return nil
        }
        return length
    }

    private static func isCapitalised(_ text: String) -> Bool {
        text.unicodeScalars.first?.properties.isUppercase == true
    }
}
