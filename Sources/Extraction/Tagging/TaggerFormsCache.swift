/// The token forms the part-of-speech and entity taggers share within one document, with the
/// sentence ranges and token count they were built from (so a changed document rebuilds them).
struct TaggerFormsCache: Sendable {
    /// Token ranges of the sentences the forms were collected from.
    let sentences: [Range<Int>]
    /// Number of tokens of the document then.
    let tokenCount: Int
    /// The forms.
    let forms: TokenForms
}

extension Document {
    /// The tagger's token forms of this document (CoNLL-normalized token texts, sentence by
    /// sentence), from the cache when it still matches the sentences, else built and cached.
    mutating func taggerForms() -> TokenForms {
        let ranges = sentences.map(\.tokens)
        if let cache = taggerFormsCache, cache.tokenCount == tokens.count, cache.sentences == ranges {
            return cache.forms
        }
        let words = sentences.map { sentence in
            sentence.tokens.map { TokenNormalizer.conllForm(tokens[$0].text) }
        }
        let forms = TokenForms(words)
        taggerFormsCache = TaggerFormsCache(sentences: ranges, tokenCount: tokens.count, forms: forms)
        return forms
    }
}
