/// Turns the tagger's mentions into canonical entities: drops mentions in headline teasers and
/// boilerplate, trims titles and possessives, resolves aliases through the gazetteer and actor
/// tables ("U.S." → "United States", LOCATION, US, `USA`), merges short forms into full names
/// ("Tokayev" → "Kassym-Jomart Tokayev"), reads countries and roles from the context
/// ("Kazakhstan President X" → KZ, `KAZGOV`), numbers the entities e1, e2, … by first mention, and
/// adds title descriptions ("the president" after "President X") as mentions of their person and
/// "the kingdom" as a mention of the article's one monarchy.
public struct EntityCanonicalizer: PipelineStage {
    public let name = "entities"
    public let requires: Set<Annotation> = [.tokens, .sentences, .mentions]
    public let assigns: Set<Annotation> = [.entities]

    /// The lookup tables.
    public let tables: EntityTables
    /// Whether to add well-known countries and capitals the tagger missed (exact, capitalised matches).
    public let addsGazetteerMentions: Bool

    /// Creates the stage.
    public init(tables: EntityTables, addsGazetteerMentions: Bool = true) {
        self.tables = tables
        self.addsGazetteerMentions = addsGazetteerMentions
    }

    public func apply(to document: inout Document) throws(ExtractionError) {
        let junk = HeadlineFilter.junkSentences(in: document)
        let tokenCount = document.tokens.count
        var mentions = document.mentions.filter { mention in
            // A span outside the tokens would be a tagger bug; skip it rather than trap.
            guard !mention.tokens.isEmpty, mention.tokens.lowerBound >= 0, mention.tokens.upperBound <= tokenCount
            else { return false }
            guard let sentence = document.sentenceIndex(ofToken: mention.tokens.lowerBound) else { return true }
            return !junk.contains(sentence)
        }
        if addsGazetteerMentions {
            mentions = GazetteerFallback(tables: tables).adding(to: mentions, in: document, skipping: junk)
        }
        mentions = MentionTyper(tables: tables).corrected(mentions, in: document)
        let trimmer = MentionTrimmer(tables: tables)
        let resolver = MentionResolver(tables: tables, date: document.articleDate)
        var candidates = mentions.sorted { $0.span.start < $1.span.start }.compactMap { mention in
            trimmer.candidate(for: mention, in: document)
        }
        for index in candidates.indices {
            candidates[index].resolution = resolver.resolve(candidates[index].mention)
        }
        let (entities, links) = EntityBuilder(
            tables: tables, document: document, candidates: candidates, resolver: resolver
        ).build()
        let named = zip(candidates, links).map { candidate, entity in
            var mention = candidate.mention
            mention.entity = entity
            mention.type = entities[entity].type
            return mention
        }
        // "The president" after "President X", "the kingdom" after "King Y of Z": extra mentions, in text order.
        let described =
            TitleCoreference(tables: tables, document: document).mentions(
                candidates: candidates, links: links, entities: entities, skipping: junk)
            + KingdomCoreference(document: document).mentions(
                candidates: candidates, links: links, entities: entities, skipping: junk)
        let all = described.isEmpty ? named : (named + described).sorted { $0.span.start < $1.span.start }
        var linked = entities
        if !described.isEmpty {
            for index in linked.indices { linked[index].mentions = [] }
            for (index, mention) in all.enumerated() {
                if let entity = mention.entity { linked[entity].mentions.append(index) }
            }
        }
        document.mentions = all
        document.entities = linked
    }
}
