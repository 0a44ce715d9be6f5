extension SentenceCoder {
    /// Prepositions that attach a travel or meeting noun to the clause as a circumstance of its
    /// subject ("said during a trip to X", "spoke on a visit to Y"). "After"/"before" are left out:
    /// "condemned X after the attack" does not make the speaker the attacker.
    static let circumstancePrepositions: Set<String> = ["DURING", "ON"]
    /// Dictionary verbs whose event nouns the subject of the clause takes part in.
    static let circumstanceLemmas: Set<String> = ["VISIT", "MEET", "NEGOTIATE"]

    /// The subject actors of the clause an event noun is a circumstance of: "The president said
    /// during a trip to Riyadh" → the president. Only when the noun (after determiners and
    /// adjectives) follows one of `circumstancePrepositions`, names a visit or a meeting, and the verb
    /// before it is in the same clause; empty otherwise.
    func circumstanceSubject(ofNominalAt position: Int, lemma: String) -> [Int] {
        guard SentenceCoder.circumstanceLemmas.contains(lemma) else { return [] }
        var cursor = position - 1
        while cursor >= 0, ["DT", "JJ", "PRP$", "CD"].contains(view.tag(cursor)) { cursor -= 1 }
        guard cursor > 0, SentenceCoder.circumstancePrepositions.contains(view.word(cursor)) else { return [] }
        var verb = cursor - 1
        while verb >= 0, !view.isVerb(verb) {
            let word = view.word(verb)
            if word == ";" || word == ":" || ClauseScanner.subordinators.contains(word)
                || ClauseScanner.relativePronouns.contains(word)
            {
                return []
            }
            verb -= 1
        }
        guard verb >= 0 else { return [] }
        let group = VerbGroup(view: view, trigger: verb)
        guard !group.passive else { return [] }
        let subject = ClauseScanner(view: view).subject(before: group.start)
        if subject.actors.isEmpty, subject.pronoun { return previousSubject }
        return subject.actors.map { view.actors[$0].entity }
    }
}
