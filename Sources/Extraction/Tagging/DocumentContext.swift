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

    /// The same sets for a document's distinct token forms and their sentence views: each form's
    /// first scalar is classified once, and each form is inserted at most once per set.
    init(_ forms: TokenForms, views: [TaggingSentence]) {
        // Per form: 0 unclassified, 1 not alphabetic, 2 lower-case initial, 3 upper-case initial, 4 other.
        var kinds = [UInt8](repeating: 0, count: forms.count)
        var insertedInside = [Bool](repeating: false, count: forms.count)
        for (sentence, view) in zip(forms.sentences, views) {
            for (index, id) in sentence.enumerated() {
                let form = Int(id)
                var kind = kinds[form]
                if kind == 0 {
                    kind = 1
                    if let first = forms.words[form].unicodeScalars.first, first.properties.isAlphabetic {
                        kind = first.properties.isLowercase ? 2 : first.properties.isUppercase ? 3 : 4
                    }
                    kinds[form] = kind
                    if kind == 2 { seenLowercase.insert(forms.lowered[form]) }
                }
                if kind == 3, index > 0, !view.isAllCaps, !insertedInside[form] {
                    insertedInside[form] = true
                    seenCapitalizedInside.insert(forms.lowered[form])
                }
            }
        }
    }
}
