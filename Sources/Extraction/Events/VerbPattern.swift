/// The codes a verb, block or pattern assigns: one for active voice, one for passive voice.
///
/// PETRARCH writes `[042:043]` for "X visits Y" (042) versus "X is visited by Y" (043);
/// `[057]` applies to both voices, `[:173]` only to the passive and `[---]` codes nothing.
package struct EventCodePair: Hashable, Sendable {
    /// Code for active voice, `nil` when the active voice codes nothing.
    package var active: String?
    /// Code for passive voice, `nil` when the passive voice codes nothing.
    package var passive: String?

    /// Parses the text between `[` and `]`; `nil` when it is not a code specification.
    package init?(specification: Substring) {
        let parts = specification.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = parts.first else { return nil }
        let active = EventCodePair.code(first)
        self.active = active
        self.passive = parts.count > 1 ? EventCodePair.code(parts[1]) : active
    }

    /// Creates a pair from explicit codes.
    package init(active: String?, passive: String?) {
        self.active = active
        self.passive = passive
    }

    /// The code for the given voice.
    package func code(passive isPassive: Bool) -> String? {
        isPassive ? passive : active
    }

    /// A code is letters and digits only (`057`, `174K`); `---`, `+++` and blanks code nothing.
    private static func code(_ text: Substring) -> String? {
        let trimmed = text.trimmingSpaces()
        guard !trimmed.isEmpty, trimmed.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) })
        else { return nil }
        return String(trimmed)
    }
}

/// A noun (or noun phrase) term of a pattern: alternative word sequences, any of which matches.
package struct PatternTerm: Hashable, Sendable {
    /// Each alternative is a run of consecutive upper-case words.
    package var alternatives: [[String]]

    /// Words in the shortest alternative (used to rank patterns).
    package var weight: Int { alternatives.map(\.count).min() ?? 0 }
}

/// One element of a verb pattern, before or after the verb.
package enum PatternElement: Hashable, Sendable {
    /// A noun or noun phrase (`AID`, `{PEACE DEAL}`, `&TREATY`).
    case noun(PatternTerm)
    /// A prepositional phrase: the preposition and the nouns that follow it (`(TO BORDER)`, `(WITH)`).
    case prepositional(PatternTerm, [PatternTerm])

    /// Words this element needs to match (longer matches win).
    package var weight: Int {
        switch self {
        case .noun(let term): term.weight
        case .prepositional(let preposition, let nouns): preposition.weight + nouns.reduce(0) { $0 + $1.weight }
        }
    }
}

/// A pattern of a verb block: context words around the verb and the code it gives.
package struct VerbPattern: Hashable, Sendable {
    /// Elements that must appear, in order, before the verb.
    package var before: [PatternElement]
    /// Elements that must appear, in order, after the verb.
    package var after: [PatternElement]
    /// Codes when the pattern matches.
    package var codes: EventCodePair

    /// Total words the pattern needs to match.
    package var weight: Int { (before + after).reduce(0) { $0 + $1.weight } }
}

extension Substring {
    /// The substring without leading and trailing spaces and tabs.
    func trimmingSpaces() -> Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" || first == "\r" { result.removeFirst() }
        while let last = result.last, last == " " || last == "\t" || last == "\r" { result.removeLast() }
        return result
    }
}
