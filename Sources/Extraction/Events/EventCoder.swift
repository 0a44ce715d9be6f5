/// Codes CAMEO events sentence by sentence: dictionary verbs (and a few event nouns) with their
/// source, target, date and location, from POS tags and entity mentions (no parser).
///
/// Choices (see the helpers for details):
/// * coordinated actors give one event per source/target pair (at most `maximumPairs`); a
///   compound subject with no target gives the reciprocal pairs ("X and Y renewed ties");
/// * negated verbs ("did not attack") code nothing unless a dictionary pattern covers the negation;
/// * intended actions ("will join", "expected to sign") take the 03x intent code of their action
///   when there is one, and only a date written in the sentence;
/// * statements (01x) and appeals (02x) need both a source and a target, other events one of them.
public struct EventCoder: PipelineStage {
    /// Instance name ("events").
    public let name: String
    /// Tokens with POS tags, sentences, entities (with mentions) and dates.
    public let requires: Set<Annotation> = [.tokens, .sentences, .partOfSpeech, .entities, .dates]
    /// `Document.events`.
    public let assigns: Set<Annotation> = [.events]

    /// The verb dictionary.
    let verbs: VerbDictionary
    /// Labels, quad classes, Goldstein scores and intent codes.
    let codes: EventCodeTable
    /// Event nouns (upper case) to the dictionary verb whose block codes them.
    let nominals: [String: String]
    /// Most events one trigger may give (coordinated actors multiply).
    let maximumPairs: Int
    /// Behaviour switches.
    let options: Options

    /// Behaviour switches of the coder.
    public struct Options: Sendable {
        /// Code intended actions ("will join") with their 03x/13x intent code; off, they keep the
        /// action's code (PETRARCH's behaviour) and still get no article date.
        public var intentCodes: Bool

        /// Creates options; the defaults are the news settings.
        public init(intentCodes: Bool = true) {
            self.intentCodes = intentCodes
        }
    }

    /// Creates the stage from a parsed dictionary and code table.
    public init(
        verbs: VerbDictionary, codes: EventCodeTable, nominals: [String: String] = EventCoder.defaultNominals,
        maximumPairs: Int = 16, options: Options = Options(), name: String = "events"
    ) {
        self.options = options
        self.verbs = verbs
        self.codes = codes
        self.nominals = nominals
        self.maximumPairs = maximumPairs
        self.name = name
    }

    /// Replaces `document.events` with the events coded sentence by sentence, in text order.
    public func apply(to document: inout Document) throws(ExtractionError) {
        var datesBySentence: [Int: [DateExpression]] = [:]
        for date in document.dates where date.value != nil {
            datesBySentence[date.sentence, default: []].append(date)
        }
        var mentionsBySentence: [Int: [Int]] = [:]
        for (index, mention) in document.mentions.enumerated() {
            guard let sentence = document.sentenceIndex(ofToken: mention.tokens.lowerBound) else { continue }
            mentionsBySentence[sentence, default: []].append(index)
        }
        var events: [Event] = []
        var previousSubject: [Int] = []
        var previousGroup: [Int]?
        for index in document.sentences.indices {
            let view = SentenceView(document: document, sentence: index, mentions: mentionsBySentence[index] ?? [])
            let coder = SentenceCoder(
                coder: self, document: document, view: view, dates: datesBySentence[index] ?? [],
                previousSubject: previousSubject, previousGroup: previousGroup)
            let result = coder.code()
            events += result.events
            if !result.subject.isEmpty { previousSubject = result.subject }
            previousGroup = PluralAntecedent.group(in: view, subject: result.subject)
        }
        document.events = events
    }

    /// Event nouns coded through the verb block of the verb they name. Plurals are listed.
    public static let defaultNominals: [String: String] = [
        "ATTACK": "ATTACK", "ATTACKS": "ATTACK", "ASSAULT": "ASSAULT", "ASSAULTS": "ASSAULT",
        "AIRSTRIKE": "BOMB", "AIRSTRIKES": "BOMB", "BOMBING": "BOMB", "BOMBINGS": "BOMB",
        "INVASION": "INVADE", "RAID": "RAID", "RAIDS": "RAID", "SHELLING": "SHELL",
        "VISIT": "VISIT", "VISITS": "VISIT", "TRIP": "VISIT", "TRIPS": "VISIT", "TOUR": "VISIT",
        "MEETING": "MEET", "MEETINGS": "MEET", "SUMMIT": "MEET", "TALKS": "MEET",
        "NEGOTIATIONS": "NEGOTIATE", "ARREST": "ARREST", "ARRESTS": "ARREST",
        "CONDEMNATION": "CONDEMN", "BLOCKADE": "BLOCKADE", "INVITATION": "INVITE",
    ]
}
