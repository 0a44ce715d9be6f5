/// Groups tokens into sentences: at `.`, `!`, `?` followed by a likely sentence start, and at blank lines.
public struct SentenceSplitter: PipelineStage {
    public let name = "sentences"
    public let requires: Set<Annotation> = [.tokens]
    public let assigns: Set<Annotation> = [.sentences]

    /// Creates the splitter.
    public init() {}

    public func apply(to document: inout Document) throws(ExtractionError) {
        document.sentences = SentenceSplitter.split(document.tokens, scalars: document.scalars)
    }

    /// Sentence boundaries for `tokens` over `scalars`.
    public static func split(_ tokens: [Token], scalars: [Unicode.Scalar]) -> [Sentence] {
        var sentences: [Sentence] = []
        var first = 0
        for index in tokens.indices {
            let isLast = index == tokens.count - 1
            if isLast || endsSentence(at: index, tokens: tokens, scalars: scalars) {
                let span = TextSpan(start: tokens[first].span.start, end: tokens[index].span.end)
                sentences.append(Sentence(tokens: first..<(index + 1), span: span))
                first = index + 1
            }
        }
        return sentences
    }

    private static let closers: Set<String> = ["\"", "'", "\u{201D}", "\u{2019}", ")", "]", "''"]
    private static let terminators: Set<String> = [".", "!", "?", "...", "\u{2026}", "?!", "!?"]

    private static func endsSentence(at index: Int, tokens: [Token], scalars: [Unicode.Scalar]) -> Bool {
        let next = tokens[index + 1]
        if containsLineBreak(scalars, from: tokens[index].span.end, to: next.span.start, minimum: 1)
            && !isContinuation(tokens[index].text, next: next.text)
        {
            return true
        }
        let text = tokens[index].text
        // Closers and terminators start with punctuation: skip the set look-ups for words and numbers.
        if let byte = text.utf8.first, isASCIIAlphanumeric(byte) { return false }
        if closers.contains(text) {
            // Closing quote after a terminator: `… dream," he said.` ends only if the next word starts a sentence.
            guard index > 0, terminators.contains(tokens[index - 1].text) else { return false }
            return startsSentence(next.text)
        }
        guard terminators.contains(text) else { return false }
        if closers.contains(next.text) { return false }
        return startsSentence(next.text)
    }

    @inline(__always)
    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// A single line break inside a paragraph continues the sentence when the line clearly runs on.
    private static func isContinuation(_ previous: String, next: String) -> Bool {
        guard let last = previous.unicodeScalars.last, let firstNext = next.unicodeScalars.first else { return false }
        return (last.properties.isLowercase || last == ",") && firstNext.properties.isLowercase
    }

    private static func startsSentence(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return first.properties.isUppercase || first.properties.numericType != nil
            || ["\"", "\u{201C}", "'", "\u{2018}", "(", "[", "-", "\u{2014}"].contains(String(first))
    }

    private static func containsLineBreak(_ scalars: [Unicode.Scalar], from start: Int, to end: Int, minimum: Int) -> Bool {
        var count = 0
        for index in start..<end where scalars[index] == "\n" {
            count += 1
            if count >= minimum { return true }
        }
        return false
    }
}
