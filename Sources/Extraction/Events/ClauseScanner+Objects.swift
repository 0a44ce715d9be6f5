extension ClauseScanner {
    /// The participants found in an object window.
    struct Objects {
        /// Targets: the direct object, else the first prepositional object (coordinated ones included).
        var targets: [Int] = []
        /// Actors after "by" (the agents of a passive verb or of a nominal event).
        var agents: [Int] = []
        /// A location actor after "in"/"at", if any.
        var location: Int?
        /// The targets are only that place (nothing else was found).
        var targetIsPlace = false
    }

    /// Reads the actors of `window`; `excluding` prepositions' objects never become targets.
    func objects(in window: Range<Int>, excludingAgent: Bool) -> Objects {
        var result = Objects()
        var direct: [Int] = []
        var prepositional: [Int] = []
        var fallbackPlace: [Int] = []
        var used = Set<Int>()
        var cursor = window.lowerBound
        while cursor < window.upperBound {
            guard let found = view.actorAt[cursor], !used.contains(found) else {
                cursor += 1
                continue
            }
            let actor = modified(by: found)
            if actor != found {
                // "met South Korean President Lee": the person, under the preposition before the nationality.
                used.insert(found)
            }
            let group = coordinated(actor, leftwards: false).filter { view.actors[$0].range.lowerBound < window.upperBound }
            used.formUnion(group)
            cursor = view.actors[group.last ?? actor].range.upperBound
            let preposition = governingPreposition(of: actor, after: window.lowerBound)
            switch preposition {
            case nil:
                if direct.isEmpty { direct = group }
            case "BY":
                if result.agents.isEmpty { result.agents = group }
                if !excludingAgent, prepositional.isEmpty { prepositional = group }
            case "OF" where !direct.isEmpty || !prepositional.isEmpty:
                continue  // "President X of Y": Y modifies the actor before it
            case let word? where ClauseScanner.placePrepositions.contains(word):
                if view.actors[actor].type == .location {
                    if result.location == nil { result.location = actor }
                    if fallbackPlace.isEmpty { fallbackPlace = group }
                } else if prepositional.isEmpty {
                    prepositional = group
                }
            default:
                if prepositional.isEmpty { prepositional = group }
            }
        }
        result.targets = !direct.isEmpty ? direct : (!prepositional.isEmpty ? prepositional : fallbackPlace)
        result.targetIsPlace = direct.isEmpty && prepositional.isEmpty && !fallbackPlace.isEmpty
        return result
    }

    /// The preposition heading the phrase the actor sits in, if it comes at or after `floor`.
    func governingPreposition(of actor: Int, after floor: Int) -> String? {
        var cursor = view.actors[actor].range.lowerBound - 1
        while cursor >= floor {
            if view.isPreposition(cursor) { return view.word(cursor) }
            let tag = view.tag(cursor)
            let modifier = tag == "DT" || tag == "JJ" || tag == "PRP$" || tag == "CD" || tag == "NNP" || tag == "NNPS"
            guard modifier || view.isPossessive(cursor) || view.actorAt[cursor] != nil else { return nil }
            if let other = view.actorAt[cursor] {
                // "with Gondor's government": the possessor shares the preposition.
                cursor = view.actors[other].range.lowerBound - 1
                continue
            }
            cursor -= 1
        }
        return nil
    }
}
