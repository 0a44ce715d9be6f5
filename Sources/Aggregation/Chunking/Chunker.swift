import Extraction

/// Splits an article body into sentence-aligned chunks of at most `maximumScalars` Unicode scalars.
///
/// Whole sentences are packed greedily; a sentence longer than the limit is cut at token boundaries,
/// and a single token longer than the limit is cut hard. Whitespace between chunks is left out, so
/// each chunk's `offset` is where its first token starts.
public struct Chunker: Sendable {
    /// Largest chunk, in Unicode scalars.
    public let maximumScalars: Int

    /// Creates a chunker; `maximumScalars` below 1 is treated as 1.
    public init(maximumScalars: Int = Aggregator.Configuration.defaultChunkScalars) {
        self.maximumScalars = max(1, maximumScalars)
    }

    /// The chunks of `text`, the body of article number `article`; empty when it has no tokens.
    public func chunks(of text: String, article: Int) -> [Chunk] {
        // A scalar takes at least one UTF-8 byte, so a text of no more bytes than the limit (known
        // without a walk: most articles) fits; only longer ones have their scalars counted.
        if text.utf8.count <= maximumScalars || text.unicodeScalars.count <= maximumScalars {
            return wholeText(text, article: article)
        }
        let scalars = Array(text.unicodeScalars)
        let tokens = Tokenizer.tokenize(scalars)
        let sentences = SentenceSplitter.split(tokens, scalars: scalars)
        var spans: [TextSpan] = []
        var current: TextSpan?
        for sentence in sentences {
            for piece in pieces(of: sentence, tokens: tokens) {
                if let open = current, piece.end - open.start <= maximumScalars {
                    current = TextSpan(start: open.start, end: piece.end)
                } else {
                    if let open = current { spans.append(open) }
                    current = piece
                }
            }
        }
        if let open = current { spans.append(open) }
        return spans.enumerated().map { index, span in
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[span.start..<span.end])
            return Chunk(
                id: ChunkID(article: article, chunk: index), article: article, index: index, offset: span.start,
                text: String(view))
        }
    }

    /// A text that fits in one chunk needs no tokenizing: one chunk without the surrounding whitespace
    /// (sliced from the string itself, not rebuilt scalar by scalar).
    private func wholeText(_ text: String, article: Int) -> [Chunk] {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return [] }
        let offset = scalars.distance(from: scalars.startIndex, to: first)
        // Shared, not copied, when there is no white space to leave out (the usual case).
        let whole = offset == 0 && scalars.index(after: last) == scalars.endIndex
        let body = whole ? text : String(scalars[first...last])
        return [Chunk(id: ChunkID(article: article, chunk: 0), article: article, index: 0, offset: offset, text: body)]
    }

    /// The sentence itself when it fits, else runs of its tokens that fit (tokens cut when too long).
    private func pieces(of sentence: Sentence, tokens: [Token]) -> [TextSpan] {
        guard sentence.span.length > maximumScalars else { return [sentence.span] }
        var pieces: [TextSpan] = []
        var current: TextSpan?
        for token in tokens[sentence.tokens] {
            for part in parts(of: token.span) {
                if let open = current, part.end - open.start <= maximumScalars {
                    current = TextSpan(start: open.start, end: part.end)
                } else {
                    if let open = current { pieces.append(open) }
                    current = part
                }
            }
        }
        if let open = current { pieces.append(open) }
        return pieces
    }

    private func parts(of span: TextSpan) -> [TextSpan] {
        stride(from: span.start, to: span.end, by: maximumScalars).map {
            TextSpan(start: $0, end: min($0 + maximumScalars, span.end))
        }
    }
}
