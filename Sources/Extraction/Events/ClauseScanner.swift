/// Shallow clause reading around a trigger: the subject actors to its left, the object window
/// to its right and the actors in it. No parse tree: POS tags, a few function words and the
/// entity mentions are enough for the common news shapes.
struct ClauseScanner {
    let view: SentenceView

    /// Subordinators that open a new clause: the subject of a verb after them is after them.
    static let subordinators: Set<String> = [
        "THAT", "AFTER", "BEFORE", "WHEN", "WHILE", "BECAUSE", "ALTHOUGH", "THOUGH", "IF", "SINCE", "UNTIL",
        "WHETHER", "AS", "UNLESS", "WHEREAS", "ONCE",
    ]
    static let relativePronouns: Set<String> = ["WHO", "WHICH", "WHOM", "WHOSE"]
    static let subjectPronouns: Set<String> = ["HE", "SHE", "IT", "THEY", "WE", "I", "HIS", "HER", "ITS", "THEIR"]
    /// First and second person pronouns: in quotes they mean the speaker or the addressee.
    static let speakerPronouns: Set<String> = ["I", "WE", "YOU"]
    static let coordinators: Set<String> = ["AND", "OR", "NOR", ",", "BOTH", "NEITHER", "EITHER", "&"]
    /// Prepositions whose object is a place, not a participant, when it is a location.
    static let placePrepositions: Set<String> = ["IN", "AT", "INSIDE", "NEAR"]

    /// What the subject search found.
    struct Subject {
        /// Actor indices, in text order (more than one for "X and Y").
        var actors: [Int]
        /// Where the clause starts (for pre-verb patterns).
        var clauseStart: Int
        /// Whether the subject was a pronoun resolved to an earlier actor (or to nothing).
        var pronoun: Bool
    }

    /// Actors of the subject of a verb group starting at `groupStart`.
    ///
    /// First the noun phrase right before the group: its actor if it has one ("the Kazakh
    /// government", "President X of Y" → X), nothing if it is a common noun ("crowds", "a senior
    /// official"), the earlier subject if it is a pronoun ("his country", "it"). Otherwise (an
    /// adverbial or relative clause in between) the nearest actor to the left that is not inside
    /// a prepositional phrase, crossing "who"/"which" to their antecedent.
    func subject(before groupStart: Int) -> Subject {
        let clauseStart = clauseStart(before: groupStart)
        var runStart = groupStart
        while runStart > 0, isNounPhraseToken(runStart - 1) { runStart -= 1 }
        var sawPronoun = false
        if runStart < groupStart, runStart == 0 || !view.isPreposition(runStart - 1) {
            if let actor = (runStart..<groupStart).reversed().compactMap({ view.actorAt[$0] }).first(where: {
                view.actors[$0].canAct
            }) {
                return Subject(actors: coordinated(head(of: actor), leftwards: true), clauseStart: clauseStart, pronoun: false)
            }
            sawPronoun = (runStart..<groupStart).contains { ["PRP", "PRP$"].contains(view.tag($0)) }
            let headTag = view.tag(groupStart - 1)
            if !sawPronoun, headTag == "NN" || headTag == "NNS" {
                return Subject(actors: [], clauseStart: clauseStart, pronoun: false)
            }
        }
        return scanSubject(before: groupStart, clauseStart: clauseStart, sawPronoun: sawPronoun)
    }

    private func isNounPhraseToken(_ position: Int) -> Bool {
        let tag = view.tag(position)
        return view.actorAt[position] != nil || tag.hasPrefix("NN") || tag.hasPrefix("JJ") || tag == "DT"
            || tag == "CD" || tag == "PRP" || tag == "PRP$" || tag == "CC" || view.isPossessive(position)
    }

    /// "President X of Y": the actor Y modifies X, which heads the phrase.
    private func head(of actor: Int) -> Int {
        let start = view.actors[actor].range.lowerBound
        guard start >= 2, view.word(start - 1) == "OF", let head = view.actorAt[start - 2], view.actors[head].canAct
        else { return actor }
        return head
    }

    /// Where the clause holding `position` starts: after the nearest subordinator or semicolon.
    func clauseStart(before position: Int) -> Int {
        var cursor = position - 1
        while cursor >= 0 {
            let word = view.word(cursor)
            if word == ";" || (ClauseScanner.subordinators.contains(word) && (view.tag(cursor) == "IN" || word == "THAT")) {
                return cursor + 1
            }
            cursor -= 1
        }
        return 0
    }

    private func scanSubject(before groupStart: Int, clauseStart start: Int, sawPronoun pronoun: Bool) -> Subject {
        var cursor = groupStart - 1
        var sawPronoun = pronoun
        var clauseStart = start
        var crossedRelative = false
        while cursor >= 0 {
            let word = view.word(cursor)
            if let actor = view.actorAt[cursor] {
                let record = view.actors[actor]
                if record.canAct, !isInPrepositionalPhrase(actor) || crossedRelative {
                    return Subject(
                        actors: coordinated(head(of: actor), leftwards: true), clauseStart: clauseStart, pronoun: sawPronoun)
                }
                cursor = record.range.lowerBound - 1
                continue
            }
            if word == ",", let opening = parentheticalStart(closingAt: cursor) {
                cursor = opening - 1  // ", who met Y on Monday," / ", in remarks on Monday,": not the subject
                continue
            }
            if ClauseScanner.relativePronouns.contains(word) || (word == "THAT" && view.tag(cursor) == "WDT") {
                crossedRelative = true
            } else if word == ";" || word == ":" {
                break
            } else if ClauseScanner.subjectPronouns.contains(word) {
                sawPronoun = true
            } else if ClauseScanner.subordinators.contains(word), view.tag(cursor) == "IN" || word == "THAT" {
                if !sawPronoun { break }
                clauseStart = 0
            }
            cursor -= 1
        }
        return Subject(actors: [], clauseStart: clauseStart, pronoun: sawPronoun)
    }

    /// The opening comma of a parenthetical that ends with the comma at `closing`: a segment
    /// starting with a relative pronoun or a preposition, at most 15 tokens long.
    private func parentheticalStart(closingAt closing: Int) -> Int? {
        var cursor = closing - 1
        while cursor > 0, closing - cursor <= 15 {
            if view.word(cursor) == "," {
                let first = cursor + 1
                let opens = ClauseScanner.relativePronouns.contains(view.word(first)) || view.tag(first) == "IN"
                return opens && first < closing ? cursor : nil
            }
            cursor -= 1
        }
        return nil
    }

    /// Whether the actor sits in a prepositional phrase ("with Gondor", "of the Arab world").
    func isInPrepositionalPhrase(_ actor: Int) -> Bool {
        var cursor = view.actors[actor].range.lowerBound - 1
        while cursor >= 0 {
            let tag = view.tag(cursor)
            if view.isPreposition(cursor) { return !ClauseScanner.subordinators.contains(view.word(cursor)) }
            if tag == "DT" || tag == "JJ" || tag == "PRP$" || tag == "CD" || tag == "NNP" || tag == "NNPS"
                || view.isPossessive(cursor)
            {
                if view.actorAt[cursor] != nil { return false }
                cursor -= 1
                continue
            }
            return false
        }
        return false
    }

    /// The actor plus those coordinated with it ("Sudan, the UAE, Bahrain and Morocco").
    func coordinated(_ actor: Int, leftwards: Bool) -> [Int] {
        var result = [actor]
        var current = actor
        while let next = neighbour(of: current, leftwards: leftwards), result.count < 8 {
            result.append(next)
            current = next
        }
        return leftwards ? result.reversed() : result
    }

    /// The next actor joined to `actor` by a comma or conjunction, skipping "of Y" modifiers,
    /// determiners, adjectives and titles.
    private func neighbour(of actor: Int, leftwards: Bool) -> Int? {
        let range = view.actors[actor].range
        var cursor = leftwards ? range.lowerBound - 1 : range.upperBound
        let step = leftwards ? -1 : 1
        var sawCoordinator = false
        var skipped = 0
        while cursor >= 0, cursor < view.count, skipped < 6 {
            let word = view.word(cursor)
            if let other = view.actorAt[cursor] {
                if sawCoordinator {
                    // A place in a prepositional phrase does not join a list with a subject ("in Hokkaido, X said").
                    guard !leftwards else {
                        return isInPrepositionalPhrase(other) == isInPrepositionalPhrase(actor) ? other : nil
                    }
                    return modified(by: other)
                }
                if view.actors[other].type == .misc, modified(by: other) == actor {
                    cursor += step * view.actors[other].range.count  // "French President X": a nationality
                    continue
                }
                // "President X of Y, President Z of W": Y modifies X; keep going past it.
                guard !leftwards, cursor > 0, view.word(cursor - 1) == "OF" else { return nil }
                cursor = view.actors[other].range.upperBound
                continue
            }
            if ClauseScanner.coordinators.contains(word) || word == "—" || word == "-" {
                sawCoordinator = sawCoordinator || word != "—"
            } else if word == "OF" && !leftwards && !sawCoordinator {
                // modifier follows
            } else if !(["DT", "JJ", "NNP", "NNPS", "CD"].contains(view.tag(cursor))) || view.isPossessive(cursor) {
                return nil
            }
            skipped += 1
            cursor += step
        }
        return nil
    }

    /// The person or organisation a nationality modifies across a title ("South Korean President
    /// Lee" → Lee), else the actor itself.
    func modified(by actor: Int) -> Int {
        guard view.actors[actor].type == .misc else { return actor }
        var cursor = view.actors[actor].range.upperBound
        while cursor < view.count, cursor < view.actors[actor].range.upperBound + 4, view.actorAt[cursor] == nil,
            ["NNP", "NNPS", "JJ", "NN"].contains(view.tag(cursor))
        {
            cursor += 1
        }
        guard cursor < view.count, cursor > view.actors[actor].range.upperBound, let next = view.actorAt[cursor],
            view.actors[next].type == .person || view.actors[next].type == .organization
        else { return actor }
        return next
    }

    /// Tokens after the trigger that can hold its objects: up to the end of the clause.
    func objectWindow(from start: Int, stopAtEmbeddedSubject: Bool) -> Range<Int> {
        var cursor = start
        while cursor < view.count {
            let word = view.word(cursor)
            if word == "." || word == ";" || word == ":" || word == "?" || word == "!" { break }
            if ClauseScanner.subordinators.contains(word) && (view.tag(cursor) == "IN" || word == "THAT"),
                cursor > start, !["AS"].contains(word)
            {
                break
            }
            if ClauseScanner.relativePronouns.contains(word) || view.tag(cursor) == "WDT" { break }
            if word == ",", !isAdjectiveList(cursor),
                cursor == 0 || view.actorAt[cursor - 1] == nil || !nextIsCoordinatedActor(cursor)
            {
                break
            }
            if view.isFiniteVerb(cursor) || (word == "TO" && view.tag(cursor + 1) == "VB") { break }
            // "said during a trip to X": what follows "during" is a circumstance, never the verb's object.
            if word == "DURING" || word == "AMID" || word == "DESPITE" { break }
            if stopAtEmbeddedSubject, let actor = view.actorAt[cursor], opensClause(actor) { break }
            cursor += 1
        }
        return start..<max(start, cursor)
    }

    /// Tokens after the trigger where its pattern words may sit: the object window plus any
    /// complement clause ("allowed that Mordor isn't a pleasant place"), up to a comma.
    func patternWindow(from start: Int) -> Range<Int> {
        var cursor = start
        while cursor < view.count {
            let word = view.word(cursor)
            if word == "." || word == ";" || word == ":" || word == "?" || word == "!" { break }
            if word == "DURING" { break }  // "said during a visit": no pattern of "say" ("* VISIT")
            if word == ",", cursor == 0 || view.actorAt[cursor - 1] == nil || !nextIsCoordinatedActor(cursor) { break }
            cursor += 1
        }
        return start..<max(start, cursor)
    }

    /// "complete, full diplomatic ties": a comma between adjectives does not end the clause.
    private func isAdjectiveList(_ comma: Int) -> Bool {
        view.tag(comma - 1).hasPrefix("JJ") && view.tag(comma + 1).hasPrefix("JJ")
    }

    private func nextIsCoordinatedActor(_ comma: Int) -> Bool {
        var cursor = comma + 1
        while cursor < view.count, cursor < comma + 5, view.actorAt[cursor] == nil,
            ["DT", "JJ", "CC", "NNP"].contains(view.tag(cursor))
        {
            cursor += 1
        }
        return cursor < view.count && view.actorAt[cursor] != nil
    }

    /// Whether the actor (with its coordinated partners) is directly followed by a verb: a clause subject.
    private func opensClause(_ actor: Int) -> Bool {
        let last = coordinated(actor, leftwards: false).last ?? actor
        let after = view.actors[last].range.upperBound
        return view.isVerb(after) || view.tag(after) == "MD"
    }
}
