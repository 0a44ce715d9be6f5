/// One verb (or multi-word verb) of a verb block, e.g. `+MEET_WITH` in `MEET_PEOPLE`.
package struct VerbEntry: Hashable, Sendable {
    /// Index into `VerbDictionary.blocks`.
    package var block: Int
    /// The verb word's base form ("MEET").
    package var lemma: String
    /// Words that must come right before the verb word (`WIRE` in `WIRE_+TAP`).
    package var before: [String]
    /// Words that must come right after the verb word (`WITH` in `+MEET_WITH`).
    package var after: [String]
    /// The verb's own code, overriding the block's; `nil` to use the block's.
    package var codes: EventCodePair?
}

/// A verb block: synonymous verbs sharing a default code and a list of patterns.
package struct VerbBlock: Hashable, Sendable {
    /// The block's name ("MEET_PEOPLE").
    package var name: String
    /// The block's default code; `nil` when the bare verb codes nothing.
    package var codes: EventCodePair?
    /// The block's patterns, in dictionary order.
    package var patterns: [VerbPattern]
    /// The patterns' quick-reject data in one flat array (kept in step by `append(_:)`).
    var screen = PatternScreen()

    /// Creates a block.
    package init(name: String, codes: EventCodePair?, patterns: [VerbPattern]) {
        self.name = name
        self.codes = codes
        self.patterns = patterns
        screen = PatternScreen(patterns)
    }

    /// Adds a pattern at the end.
    mutating func append(_ pattern: VerbPattern) {
        patterns.append(pattern)
        screen.append(pattern)
    }
}

/// A PETRARCH verb dictionary (`CAMEO.2.0.txt` format) indexed for fast lookup by word form.
///
/// Build it once with `init(parsing:)`; lookups are dictionary hits on upper-cased forms.
public struct VerbDictionary: Sendable {
    /// Verb blocks in dictionary order.
    package var blocks: [VerbBlock] = []
    /// Verbs of all blocks.
    package var entries: [VerbEntry] = []
    /// Upper-cased verb word form ("MET", "MEETS") to indices into `entries`.
    package var forms: [String: [Int]] = [:]
    /// Synonym sets by name (without `&` and trailing `_`): alternative word runs.
    package var synsets: [String: [[String]]] = [:]

    /// Parses dictionary text; throws when it holds no verbs at all.
    public init(parsing text: String, name: String = "events-verbs") throws(ExtractionError) {
        var parser = VerbDictionaryParser(text: text)
        parser.run()
        blocks = parser.blocks
        entries = parser.entries
        forms = parser.forms
        synsets = parser.synsets
        guard !entries.isEmpty else {
            throw .malformedModel(name: name, reason: "no verb blocks found")
        }
    }

    /// Number of verbs (including multi-word verbs).
    public var verbCount: Int { entries.count }

    /// Number of patterns over all blocks.
    public var patternCount: Int { blocks.reduce(0) { $0 + $1.patterns.count } }

    /// Entries whose verb word has the upper-cased form `form`.
    package func entries(forForm form: String) -> [Int] {
        forms[form] ?? []
    }

    /// The regular inflections PETRARCH generates for a verb: base, -S, -ED, -ING.
    package static func regularForms(of verb: String) -> [String] {
        guard let last = verb.last else { return [] }
        let stem = String(verb.dropLast())
        let vowels: Set<Character> = ["A", "E", "I", "O", "U"]
        let consonantY = last == "Y" && !(stem.last.map { vowels.contains($0) } ?? true)
        let sibilant = ["S", "X", "Z", "SH", "CH", "O"].contains { verb.hasSuffix($0) }
        let third = consonantY ? stem + "IES" : (sibilant ? verb + "ES" : verb + "S")
        let past = consonantY ? stem + "IED" : (last == "E" ? verb + "D" : verb + "ED")
        let progressive = last == "E" && !verb.hasSuffix("EE") ? stem + "ING" : verb + "ING"
        var forms = [verb, third, past, progressive]
        // "TAP" → "TAPPED", "TAPPING": a final consonant after a single short vowel doubles.
        let letters = Array(verb)
        if letters.count >= 3, !vowels.contains(last), !["W", "X", "Y"].contains(last),
            vowels.contains(letters[letters.count - 2]), !vowels.contains(letters[letters.count - 3])
        {
            forms += [verb + String(last) + "ED", verb + String(last) + "ING"]
        }
        return forms
    }
}
