/// The codes a verb, block or pattern assigns: the event's own code and, for complementary
/// events, the code of the event in the other direction.
///
/// PETRARCH writes `[042:043]` for "X visits Y": X→Y 042 (make a visit) and Y→X 043 (host a
/// visit); `[036:036]` makes a meeting symmetric; `[057]` has no reverse event; `[:173]` codes
/// only the reverse event and `[---]` codes nothing.
package struct EventCodePair: Hashable, Sendable {
    /// Code of the source→target event, `nil` for none.
    package var forward: String?
    /// Code of the complementary target→source event, `nil` for none.
    package var reverse: String?

    /// Parses the text between `[` and `]` (`---` gives a pair that codes nothing).
    package init?(specification: Substring) {
        let parts = specification.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = parts.first else { return nil }
        forward = EventCodePair.code(first)
        reverse = parts.count > 1 ? EventCodePair.code(parts[1]) : nil
    }

    /// Creates a pair from explicit codes.
    package init(forward: String?, reverse: String?) {
        self.forward = forward
        self.reverse = reverse
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
    package let alternatives: [[String]]
    /// First words of the alternatives, for a quick reject before matching.
    package let heads: Set<String>
    /// Words in the shortest alternative (used to rank patterns).
    package let weight: Int
    /// `WordHash` of each head, for integer pre-checks before the exact string comparison.
    package let headHashes: [UInt64]

    /// Creates a term from its alternatives.
    package init(alternatives: [[String]]) {
        self.alternatives = alternatives
        heads = Set(alternatives.compactMap(\.first))
        weight = alternatives.map(\.count).min() ?? 0
        headHashes = heads.map(WordHash.of).sorted()
    }
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
    package let before: [PatternElement]
    /// Elements that must appear, in order, after the verb.
    package let after: [PatternElement]
    /// Codes when the pattern matches.
    package let codes: EventCodePair
    /// Total words the pattern needs to match.
    package let weight: Int
    /// `before`'s terms as `WordFilter` bit groups (see `WordFilter.mayContainAll`), for a quick reject.
    let beforeBits: [UInt16]
    /// `after`'s terms as `WordFilter` bit groups.
    let afterBits: [UInt16]

    /// Creates a pattern.
    package init(before: [PatternElement], after: [PatternElement], codes: EventCodePair) {
        self.before = before
        self.after = after
        self.codes = codes
        weight = before.reduce(0) { $0 + $1.weight } + after.reduce(0) { $0 + $1.weight }
        beforeBits = VerbPattern.bitGroups(before)
        afterBits = VerbPattern.bitGroups(after)
    }

    /// Every term of `elements` (a noun, or a preposition and its nouns) as a group: its size, then
    /// the filter bits of its head words. An element can match only if every group has a bit set.
    private static func bitGroups(_ elements: [PatternElement]) -> [UInt16] {
        var groups: [UInt16] = []
        func add(_ term: PatternTerm) {
            groups.append(UInt16(term.headHashes.count))
            groups += term.headHashes.map { UInt16(WordFilter.bit($0)) }
        }
        for element in elements {
            switch element {
            case .noun(let term):
                add(term)
            case .prepositional(let preposition, let nouns):
                add(preposition)
                nouns.forEach(add)
            }
        }
        return groups
    }
}

extension Substring {
    /// The substring without leading and trailing spaces, tabs and carriage returns (looked for
    /// as bytes: no grapheme breaking).
    func trimmingSpaces() -> Substring {
        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, isBlank(utf8[start]) { start = utf8.index(after: start) }
        while end > start, isBlank(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
        return self[start..<end]
    }
}
