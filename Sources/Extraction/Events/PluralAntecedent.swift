/// What a sentence-initial "they" stands for: the group of actors of the sentence before it.
///
/// Rules, in order (no parser; POS tags, coordination and prepositions only):
/// 1. a coordinated subject ("X and Y met …") is the group, completed to the whole list it sits in;
/// 2. a single subject with actors joined to it by "with" or a passive "by" ("He will be joined
///    by X, Y and Z", "X met with Y") forms the group with them;
/// 3. otherwise the first coordinated list of two or more actors in the sentence ("… the leaders of
///    A, B and C …"), unless it lists places where or to which something happens ("in A and B");
/// 4. otherwise nothing, and the event coder keeps its last subject.
/// A plural common-noun subject of the main clause ("Brokers said …", "Protesters gathered …") comes
/// first: "they" then stands for no actor.
enum PluralAntecedent {
    /// Words that may come before a sentence-initial pronoun without changing what it refers to.
    static let leadIns: Set<String> = ["\"", "\u{201C}", "'", "\u{2018}", "``", "AND", "BUT", "SO", "YET", "STILL"]
    /// Plural subject pronouns.
    static let pluralPronouns: Set<String> = ["THEY", "THEIR"]

    /// The entity group a "they" opening the next sentence refers to, given the sentence's first
    /// subject (`subject`, entity indices): empty when the sentence's subject is a plural common noun
    /// ("Brokers said …": they are no actor), `nil` when the sentence offers no plural antecedent.
    static func group(in view: SentenceView, subject: [Int]) -> [Int]? {
        if opensWithPluralNoun(view) { return [] }
        let distinctSubject = unique(subject)
        let scanner = ClauseScanner(view: view)
        var used = Set<Int>()
        var lists: [(entities: [Int], preposition: String?, isPerson: Bool, isPlace: Bool)] = []
        for actor in view.actors.indices where !used.contains(actor) && view.actors[actor].canAct {
            let members = scanner.coordinated(actor, leftwards: false).filter { view.actors[$0].canAct }
            used.formUnion(members)
            lists.append(
                (
                    unique(members.map { view.actors[$0].entity }), scanner.governingPreposition(of: actor, after: 0),
                    view.actors[actor].type == .person, view.actors[actor].type == .location
                ))
        }
        if distinctSubject.count >= 2 {
            // The subject search may stop inside a list ("the leaders of A, B and C"): take the whole list.
            let whole = lists.first { list in distinctSubject.allSatisfy(list.entities.contains) }
            return whole.map { $0.entities } ?? distinctSubject
        }
        if distinctSubject.count == 1,
            let partners = lists.first(where: { list in
                (list.preposition == "WITH" || list.preposition == "BY") && list.isPerson
                    && !list.entities.contains(distinctSubject[0])
            })
        {
            return distinctSubject + partners.entities
        }
        // Places in "in X and Y" or "to X and Y" are where things happen, not who acts.
        return lists.first { list in
            list.entities.count >= 2 && !(list.isPlace && placePrepositions.contains(list.preposition ?? ""))
        }?.entities
    }

    /// Whether the sentence's subject is a plural common noun with no actor ("Brokers said …",
    /// "Protesters gathered …"): no actor before the first verb, and a plural noun there.
    static func opensWithPluralNoun(_ view: SentenceView) -> Bool {
        guard let verb = (0..<view.count).first(where: { view.isVerb($0) || view.tag($0) == "MD" }) else {
            return false
        }
        let before = 0..<verb
        return !before.contains { view.actorAt[$0] != nil || view.tag($0) == "PRP" }
            && before.contains { view.tag($0) == "NNS" }
    }

    /// Prepositions whose place objects never stand for "they".
    static let placePrepositions = ClauseScanner.placePrepositions.union([
        "TO", "FROM", "INTO", "ACROSS", "THROUGH", "TOWARD", "TOWARDS",
    ])

    /// Whether the verb group starting at `groupStart` has a plural pronoun opening the sentence as
    /// its subject ("They are expected to sign …", "But they said …").
    static func opensWithPluralPronoun(_ view: SentenceView, before groupStart: Int) -> Bool {
        var cursor = 0
        while cursor < groupStart, leadIns.contains(view.word(cursor)) || view.word(cursor) == "," { cursor += 1 }
        guard cursor < groupStart, pluralPronouns.contains(view.word(cursor)) else { return false }
        return !(cursor..<groupStart).contains { view.actorAt[$0] != nil }
    }

    private static func unique(_ entities: [Int]) -> [Int] {
        var seen = Set<Int>()
        return entities.filter { seen.insert($0).inserted }
    }
}
