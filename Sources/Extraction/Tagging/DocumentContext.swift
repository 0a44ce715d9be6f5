/// What the rest of a document says about each word, for the document-level features: whether a
/// word also occurs in lower case, or capitalised in the middle of an ordinary sentence.
struct DocumentContext {
    /// Lower-cased forms of words written all lower case somewhere in the document.
    private(set) var seenLowercase: Set<String> = []
    /// Lower-cased forms of words written capitalised, not sentence-initial, in mixed-case sentences.
    private(set) var seenCapitalizedInside: Set<String> = []

    init(_ sentences: [TaggingSentence]) {
        for sentence in sentences {
            for index in 0..<sentence.count {
                let word = sentence.words[index]
                guard let first = word.unicodeScalars.first, first.properties.isAlphabetic else { continue }
                if first.properties.isLowercase {
                    seenLowercase.insert(sentence.lowered[index])
                } else if index > 0, !sentence.isAllCaps, first.properties.isUppercase {
                    seenCapitalizedInside.insert(sentence.lowered[index])
                }
            }
        }
    }
}
