import Testing

@testable import Extraction
@testable import ExtractionModels

/// The PETRARCH verb dictionary parser and the shipped event tables.
@Suite("Event verb dictionary")
struct EventDictionaryTests {
    static let sample = """
        # comment line
        &TREATY
        +TREATY
        +PEACE_DEAL
        &PACT_OR_TREATY  # nested synset
        +&TREATY
        +PACT

        ####### VERB PATTERNS #######
        ---  ACCELERATE   [---]  ---
        HURRY {HURRIES HURRYING HURRIED }
        RUSH
        +CORDON_OFF
        WIRE_+TAP [1711]
        - * (TO)                                              [042:043]     # RUSH
        - * {ARMS SHIPMENT}                                   [072]         # EXPEDITE
        - &PACT_OR_TREATY * (WITH BORDER)                       [057]
        - IN_*_OUT                                            [:173]
        - * RUN-OFF                                           [---]

        ---  MEET_PEOPLE   [040]  ---
        +MEET_WITH {+MET_WITH +MEETS_WITH +MEETING_WITH }
        MEET {MEETS MET MEETING}
        ######## TRANSFORMATIONS ##########
        ~ a (a b ATTACK) SAY = a b 015
        """

    @Test("verbs are indexed by regular and irregular forms")
    func forms() throws {
        let dictionary = try VerbDictionary(parsing: Self.sample)
        #expect(dictionary.blocks.map(\.name) == ["ACCELERATE", "MEET_PEOPLE"])
        #expect(dictionary.entries(forForm: "HURRIED").count == 1)
        #expect(dictionary.entries(forForm: "HURRYED").isEmpty, "irregular lists replace the regular forms")
        for form in ["RUSH", "RUSHES", "RUSHED", "RUSHING"] {
            #expect(dictionary.entries(forForm: form).count == 1, "\(form)")
        }
        let cordon = try #require(dictionary.entries(forForm: "CORDONED").first.map { dictionary.entries[$0] })
        #expect(cordon.after == ["OFF"])
        let tap = try #require(dictionary.entries(forForm: "TAPPED").first.map { dictionary.entries[$0] })
        #expect(tap.before == ["WIRE"])
        #expect(tap.codes == EventCodePair(forward: "1711", reverse: nil))
        let met = dictionary.entries(forForm: "MET").map { dictionary.entries[$0] }
        #expect(Set(met.map(\.after)) == [[], ["WITH"]])
        #expect(dictionary.blocks[1].codes == EventCodePair(forward: "040", reverse: nil))
        #expect(dictionary.blocks[0].codes == EventCodePair(forward: nil, reverse: nil))
    }

    @Test("patterns: prepositional phrases, phrases, nested synsets, verb inside words, code pairs")
    func patterns() throws {
        let dictionary = try VerbDictionary(parsing: Self.sample)
        let patterns = dictionary.blocks[0].patterns
        #expect(patterns.count == 5)
        #expect(patterns[0].after == [.prepositional(PatternTerm(alternatives: [["TO"]]), [])])
        #expect(patterns[0].codes == EventCodePair(forward: "042", reverse: "043"))
        #expect(patterns[1].after == [.noun(PatternTerm(alternatives: [["ARMS", "SHIPMENT"]]))])
        guard case .noun(let pact) = patterns[2].before.first else {
            Issue.record("pre-verb synset missing")
            return
        }
        #expect(Set(pact.alternatives) == [["TREATY"], ["PEACE", "DEAL"], ["PACT"]])
        #expect(patterns[3].before == [.noun(PatternTerm(alternatives: [["IN"]]))])
        #expect(patterns[3].after == [.noun(PatternTerm(alternatives: [["OUT"]]))])
        #expect(patterns[3].codes == EventCodePair(forward: nil, reverse: "173"))
        #expect(patterns[4].codes == EventCodePair(forward: nil, reverse: nil), "[---] blocks coding when it matches")
    }

    @Test("text with no verb blocks is rejected with a fix")
    func empty() {
        #expect(throws: ExtractionError.self) { try VerbDictionary(parsing: "# nothing here\n&SET\n+WORD\n") }
        #expect(throws: ExtractionError.self) { try EventCodeTable(parsing: "code\tlabel\n010\tMake statement\n") }
    }

    @Test("plural matching is regular only", arguments: [
        ("ACCORDS", "ACCORD", true), ("PARTIES", "PARTY", true), ("ACCORD", "ACCORD", true), ("TAXES", "TAX", true),
        ("ACCORDION", "ACCORD", false), ("PART", "PARTY", false),
    ])
    func plurals(token: String, word: String, expected: Bool) {
        #expect(PatternMatcher.wordMatches(token, word) == expected)
    }

    @Test("the shipped tables load: the whole CAMEO dictionary and every code")
    func shipped() throws {
        let coder = try ExtractionModels.eventCoder()
        #expect(coder.verbs.blocks.count > 350)
        #expect(coder.verbs.verbCount > 1500)
        #expect(coder.verbs.patternCount > 4000)
        #expect(coder.codes.codes.count > 300)
        let sign = coder.codes.info(for: "057")
        #expect(sign.label == "Sign formal agreement")
        #expect(sign.quadClass == 2)
        #expect(sign.intent == "032")
        #expect(coder.codes.info(for: "0611").quadClass == 2, "4-digit codes fall back to their parent")
        #expect(coder.codes.info(for: "010").intent == nil, "statements stay statements")
    }

    @Test("every event noun names a verb of the shipped dictionary")
    func nominals() throws {
        let coder = try ExtractionModels.eventCoder()
        for (noun, verb) in coder.nominals {
            #expect(!coder.verbs.entries(forForm: verb).isEmpty, "\(noun) → \(verb)")
        }
    }
}
