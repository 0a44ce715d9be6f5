/// Reads CoNLL-2003 text (`token POS chunk NE` per line, blank line between sentences,
/// `-DOCSTART-` between documents, IOB1 entity tags) into documents with IOB2 tags.
public enum CoNLLCorpus {
    /// The documents of `text`. Lines with fewer than four columns are skipped.
    public static func parse(_ text: String) -> [AnnotatedDocument] {
        var documents: [AnnotatedDocument] = []
        var sentences: [AnnotatedSentence] = []
        var tokens: [String] = []
        var tags: [String] = []
        var entities: [String] = []
        func endSentence() {
            if !tokens.isEmpty {
                sentences.append(
                    AnnotatedSentence(tokens: tokens, partsOfSpeech: tags, entityTags: TagScheme.toIOB2(entities)))
            }
            tokens = []
            tags = []
            entities = []
        }
        func endDocument() {
            endSentence()
            if !sentences.isEmpty { documents.append(AnnotatedDocument(sentences: sentences)) }
            sentences = []
        }
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let columns = line.split(separator: " ")
            if columns.isEmpty {
                endSentence()
            } else if columns[0] == "-DOCSTART-" {
                endDocument()
            } else if columns.count >= 4 {
                tokens.append(String(columns[0]))
                tags.append(String(columns[1]))
                entities.append(String(columns[columns.count - 1]))
            }
        }
        endDocument()
        return documents
    }
}
