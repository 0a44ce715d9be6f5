extension SentenceCoder {
    /// The dictionary verb chosen for a trigger, with what was read around it.
    struct VerbMatch {
        var entry: VerbEntry
        var pattern: VerbPattern?
        var group: VerbGroup
        var subject: ClauseScanner.Subject
    }

    /// Codes the verb at `position`; `nil` when it is no dictionary verb. The subject is returned
    /// even when nothing is coded, so that a later "he" or "they" can refer to it.
    func codeVerb(at position: Int) -> (coding: Coding?, subject: [Int])? {
        guard !isGerundComplement(position), !isFutureAuxiliary(position), let match = match(at: position) else {
            return nil
        }
        let group = match.group
        let subjectEntities = match.subject.actors.map { view.actors[$0].entity }
        // "I think", "we will": in quotes the speaker, not the last subject, is meant.
        let speaker = ClauseScanner.speakerPronouns.contains(view.word(group.start - 1))
        let resolved =
            subjectEntities.isEmpty && match.subject.pronoun && !speaker ? antecedent(before: group.start) : subjectEntities
        let block = coder.verbs.blocks[match.entry.block]
        guard let pair = match.pattern?.codes ?? match.entry.codes ?? block.codes,
            pair.forward != nil || pair.reverse != nil
        else { return (nil, resolved) }
        if group.negated, match.pattern?.before.isEmpty ?? true { return (nil, resolved) }
        if group.bareInfinitive, resolved.isEmpty { return (nil, resolved) }
        // A hypothetical ("would join") is at most an intent, never a deed.
        let intended = group.mood != .asserted && coder.options.intentCodes
        let code = intended ? pair.forward.map { coder.codes.info(for: $0).intent ?? $0 } : pair.forward
        var reverse = intended ? pair.reverse.map { coder.codes.info(for: $0).intent ?? $0 } : pair.reverse
        let trigger = (position - match.entry.before.count)..<(position + 1 + match.entry.after.count)
        let scanner = ClauseScanner(view: view)
        let statement = (code ?? reverse ?? "").hasPrefix("01")
        let window = scanner.objectWindow(from: trigger.upperBound, stopAtEmbeddedSubject: statement)
        let objects = scanner.objects(in: window, excludingAgent: group.passive)
        let sources = group.passive ? objects.agents.map { view.actors[$0].entity } : resolved
        // "X and Y held talks in Z", "X said in Z": a place is a target only for a single actor's deed.
        let verbal = (code ?? reverse ?? "").hasPrefix("01") || (code ?? reverse ?? "").hasPrefix("02")
        let placeOnly = objects.targetIsPlace && (sources.count != 1 || verbal)
        let targetEntities = placeOnly ? [] : objects.targets.map { view.actors[$0].entity }
        // A verb known only through its block ("take" in the arrest block, "leave" in a visit block)
        // with no pattern and no target is too weak ("has taken a hit", "he left"); a symmetric deed done
        // ("carried out operations", [062:062]) needs a partner.
        let weak =
            match.pattern == nil && match.entry.codes == nil
            && !block.name.split(separator: "_").contains(Substring(match.entry.lemma))
        let symmetric =
            pair.forward != nil && pair.forward == pair.reverse && sources.count < 2 && group.mood == .asserted
        if targetEntities.isEmpty, !group.passive, weak || symmetric { return (nil, resolved) }
        // A place reached ("travel to Washington") is no actor: it gets no reverse event.
        let reachesPlace = objects.targets.allSatisfy { target in
            view.actors[target].type == .location
                && ClauseScanner.placePrepositions.union(["TO", "INTO", "FROM", "TOWARD", "TOWARDS"]).contains(
                    scanner.governingPreposition(of: target, after: window.lowerBound) ?? "")
        }
        if reachesPlace { reverse = nil }
        let dateRange = match.subject.clauseStart..<max(window.upperBound, trigger.upperBound)
        let coding = Coding(
            code: code, reverse: reverse, trigger: trigger, sources: sources,
            targets: group.passive ? resolved : targetEntities, location: objects.location.map { view.actors[$0].entity },
            date: date(near: trigger.lowerBound, within: dateRange, fallback: group.mood == .asserted),
            reciprocal: !group.passive)
        return (coding, resolved)
    }

    /// The earlier subject a pronoun subject refers to: the previous sentence's plural group for a
    /// sentence-initial "they" (`PluralAntecedent`), else the last subject.
    private func antecedent(before groupStart: Int) -> [Int] {
        guard let group = previousGroup, PluralAntecedent.opensWithPluralPronoun(view, before: groupStart) else {
            return previousSubject
        }
        return group
    }

    /// "going to be": the future auxiliary, not a movement.
    private func isFutureAuxiliary(_ position: Int) -> Bool {
        view.word(position) == "GOING" && view.word(position + 1) == "TO" && view.tag(position + 2) == "VB"
    }

    /// "accused X of attacking", "denied supplying": a gerund after a preposition or a full verb
    /// asserts nothing (after a be-form it is a progressive: "is attacking").
    private func isGerundComplement(_ position: Int) -> Bool {
        guard view.tag(position) == "VBG", position > 0 else { return false }
        return view.tag(position - 1) == "IN"
            || (view.isVerb(position - 1) && !VerbGroup.beForms.contains(view.word(position - 1)))
    }

    /// The entry (multi-word verbs first) and pattern matching the most words around `position`.
    private func match(at position: Int) -> VerbMatch? {
        let scanner = ClauseScanner(view: view)
        let matcher = PatternMatcher(view: view)
        var best: (match: VerbMatch, score: Int)?
        for index in coder.verbs.entries(forForm: view.word(position)) {
            let entry = coder.verbs.entries[index]
            guard fits(entry, at: position) else { continue }
            let start = position - entry.before.count
            let group = VerbGroup(view: view, trigger: start)
            let subject = scanner.subject(before: group.start)
            let after = scanner.patternWindow(from: position + 1 + entry.after.count)
            let pattern = matcher.best(
                in: coder.verbs.blocks[entry.block], before: subject.clauseStart..<start, after: after)
            let score = (entry.before.count + entry.after.count) * 1000 + (pattern?.weight ?? -1)
            if best == nil || score > (best?.score ?? 0) {
                best = (VerbMatch(entry: entry, pattern: pattern, group: group, subject: subject), score)
            }
        }
        return best?.match
    }

    /// Whether the words of a multi-word verb sit around the verb word.
    private func fits(_ entry: VerbEntry, at position: Int) -> Bool {
        for (offset, word) in entry.after.enumerated() where view.word(position + 1 + offset) != word {
            return false
        }
        for (offset, word) in entry.before.reversed().enumerated() where view.word(position - 1 - offset) != word {
            return false
        }
        return true
    }
}
