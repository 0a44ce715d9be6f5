/// Finds sentences that are page furniture rather than article text: all-caps teaser headlines
/// ("TENSION BUILDS BETWEEN …") and web boilerplate ("Related Content", "Read more: …").
enum HeadlineFilter {
    /// Phrases that make up a whole boilerplate line (compared as `NameKey`s, trailing colon ignored).
    static let boilerplateLines: Set<String> = [
        "related content", "related", "related articles", "related stories", "related coverage",
        "related links", "read more", "read next", "more from", "more on this story", "more stories",
        "advertisement", "sponsored", "sponsored content", "recommended", "recommended stories",
        "most popular", "most read", "trending", "trending now", "share", "share this article",
        "share this story", "click here", "subscribe", "sign up", "newsletter", "watch", "listen",
        "top stories", "editor's picks", "you may also like", "further reading", "see also",
        "continue reading", "story continues below advertisement", "skip advertisement",
    ]
    /// Line openings that mark a boilerplate line when followed by a colon ("Read more: …").
    static let boilerplatePrefixes: Set<String> = [
        "read more", "related", "read also", "see also", "watch", "listen", "also read", "more",
    ]

    /// Indices of sentences whose mentions must not become entities.
    static func junkSentences(in document: Document) -> Set<Int> {
        var capitals: [Int] = []
        var junk: Set<Int> = []
        for (index, sentence) in document.sentences.enumerated() {
            let tokens = document.tokens[sentence.tokens]
            if isShouting(tokens) { capitals.append(index) }
            if isBoilerplate(tokens) { junk.insert(index) }
        }
        // A text set entirely in capitals (old wire copy) is not made of teasers.
        if capitals.count * 2 <= document.sentences.count {
            junk.formUnion(capitals)
        }
        return junk
    }

    /// Mostly upper-case letters over at least two words and ten letters.
    static func isShouting(_ tokens: ArraySlice<Token>) -> Bool {
        var upper = 0
        var lower = 0
        var words = 0
        for token in tokens {
            var isWord = false
            for scalar in token.text.unicodeScalars {
                switch scalar {
                case "A"..."Z": upper += 1
                case "a"..."z": lower += 1
                case _ where scalar.isASCII: continue
                case _ where scalar.properties.isUppercase: upper += 1
                case _ where scalar.properties.isLowercase: lower += 1
                default: continue
                }
                isWord = true
            }
            if isWord { words += 1 }
        }
        return words >= 2 && upper + lower >= 10 && upper * 5 >= (upper + lower) * 4
    }

    static func isBoilerplate(_ tokens: ArraySlice<Token>) -> Bool {
        let longestLine = 8
        if tokens.count > longestLine, !tokens.prefix(4).contains(where: { $0.text == ":" }) { return false }
        var words = tokens.prefix(longestLine + 1).map(\.text)
        while let last = words.last, [":", ".", "|", "»", "›", ">"].contains(last) { words.removeLast() }
        if boilerplateLines.contains(NameKey.of(tokens: words)) { return true }
        guard let colon = tokens.firstIndex(where: { $0.text == ":" }), colon - tokens.startIndex <= 3 else {
            return false
        }
        return boilerplatePrefixes.contains(NameKey.of(tokens: tokens[tokens.startIndex..<colon].map(\.text)))
    }
}
