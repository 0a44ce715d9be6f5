/// Tags CoNLL token-per-line text document by document, keeping every input line (the
/// `newsbus tag --conll` contract: one more column, the IOB2 tag; only the token column is read).
public enum CoNLLTagging {
    /// One input line: blank, a `-DOCSTART-` marker, or a token line.
    private enum Line {
        case blank(String)
        case documentStart(String)
        case token(String, token: String)
    }

    /// The input with one more column (the IOB2 tag) on every token line.
    public static func tag(_ text: String, model: EntityModel) -> String {
        guard !text.isEmpty else { return "" }
        // Lines end at any newline, "\r\n" (one Character in Swift) included.
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { raw -> Line in
            let line = String(raw)
            guard let first = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).first else { return .blank(line) }
            return first == "-DOCSTART-" ? .documentStart(line) : .token(line, token: String(first))
        }
        if text.last?.isNewline ?? false { lines.removeLast() }
        var output: [String] = []
        var pending: [[Int]] = [[]]
        func flush() {
            let sentences = pending.filter { !$0.isEmpty }
            let tags = model.tag(document: sentences.map { $0.map { lineIndex in token(lines[lineIndex]) } })
            for (sentence, sentenceTags) in zip(sentences, tags) {
                for (lineIndex, tag) in zip(sentence, sentenceTags) {
                    if case .token(let line, _) = lines[lineIndex] {
                        output[lineIndex] = line + (line.contains("\t") && !line.contains(" ") ? "\t" : " ") + tag
                    }
                }
            }
            pending = [[]]
        }
        for (index, line) in lines.enumerated() {
            switch line {
            case .blank(let text):
                output.append(text)
                pending.append([])
            case .documentStart(let text):
                flush()
                output.append(text)
            case .token(let text, _):
                output.append(text)
                pending[pending.count - 1].append(index)
            }
        }
        flush()
        return output.map { $0 + "\n" }.joined()
    }

    private static func token(_ line: Line) -> String {
        if case .token(_, let token) = line { return token }
        return ""
    }
}
