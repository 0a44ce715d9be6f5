/// The auxiliaries in front of a trigger verb and what they say about it.
struct VerbGroup {
    /// How the action is asserted.
    enum Mood {
        /// Reported as happened or happening ("signed", "signs", "has signed").
        case asserted
        /// Announced or intended ("will sign", "is expected to sign", "plans to sign").
        case intended
        /// Hypothetical ("would sign", "could sign", "may sign", "urged X to sign").
        case conditional
    }

    /// Local index of the first token of the group (the trigger itself when it has no auxiliaries).
    var start: Int
    /// The mood.
    var mood: Mood
    /// "did not", "will never", "n't".
    var negated: Bool
    /// "was attacked", "has been attacked", "attacked by" after a be-form.
    var passive: Bool
    /// The trigger is an infinitive with no intent governor ("urged X to respond").
    var bareInfinitive: Bool

    static let beForms: Set<String> = ["BE", "IS", "ARE", "WAS", "WERE", "BEEN", "BEING", "'S", "'RE", "AM"]
    static let haveForms: Set<String> = ["HAVE", "HAS", "HAD", "HAVING", "'VE"]
    static let doForms: Set<String> = ["DO", "DOES", "DID"]
    static let negations: Set<String> = ["NOT", "N'T", "NEVER", "NO"]
    static let futureModals: Set<String> = ["WILL", "SHALL", "'LL", "WO"]
    static let conditionalModals: Set<String> = ["WOULD", "COULD", "MAY", "MIGHT", "SHOULD", "CAN", "CA", "MUST", "'D"]
    /// Words that, before `to`, announce an intended action ("expected to", "set to", "plans to").
    static let intentGovernors: Set<String> = [
        "EXPECTED", "SET", "DUE", "LIKELY", "POISED", "GOING", "ABOUT", "PLAN", "PLANS", "PLANNED", "PLANNING",
        "INTEND", "INTENDS", "INTENDED", "AIM", "AIMS", "AIMED", "HOPE", "HOPES", "HOPED", "WANT", "WANTS", "WANTED",
        "SEEK", "SEEKS", "SOUGHT", "SCHEDULED", "READY", "PREPARED", "PREPARING", "EXPECT", "EXPECTS", "SLATED",
        "PROMISED", "PLEDGED", "VOWED", "AGREED", "DECIDED", "OFFERED", "THREATENED", "TO",
    ]

    /// Reads the auxiliaries to the left of the trigger at `position`.
    init(view: SentenceView, trigger position: Int) {
        var start = position
        var negated = false
        var passive = false
        var future = false
        var conditional = false
        var infinitive = false
        var governed = false
        var sawBe = false
        var sawHave = false
        var cursor = position - 1
        while cursor >= 0 {
            let word = view.word(cursor)
            let tag = view.tag(cursor)
            if VerbGroup.negations.contains(word) {
                negated = true
            } else if tag == "MD" || VerbGroup.futureModals.contains(word) || VerbGroup.conditionalModals.contains(word) {
                if VerbGroup.futureModals.contains(word) { future = true } else { conditional = true }
            } else if word == "TO" {
                infinitive = infinitive || cursor == start - 1
            } else if VerbGroup.beForms.contains(word) {
                sawBe = true
            } else if VerbGroup.haveForms.contains(word) || VerbGroup.doForms.contains(word) {
                sawHave = sawHave || VerbGroup.haveForms.contains(word)
            } else if infinitive, VerbGroup.intentGovernors.contains(word) {
                governed = true
            } else if tag == "RB" || tag == "RBR" {
                // adverbs inside the group ("also", "soon")
            } else {
                break
            }
            start = cursor
            cursor -= 1
        }
        let tag = view.tag(position)
        if sawBe, tag == "VBN" { passive = true }
        if !passive, !sawHave, tag == "VBN", view.word(position + 1) == "BY" { passive = true }
        self.start = start
        self.negated = negated
        self.passive = passive
        self.bareInfinitive = infinitive && !governed && !future
        if future || governed {
            mood = .intended
        } else if conditional || infinitive {
            mood = .conditional
        } else {
            mood = .asserted
        }
    }
}
