/// Codes the events of one sentence for `EventCoder`.
struct SentenceCoder {
    let coder: EventCoder
    let document: Document
    let view: SentenceView
    /// Date expressions of this sentence that have a value.
    let dates: [DateExpression]
    /// Entity indices of the last subject seen in an earlier sentence (for "He", "They").
    let previousSubject: [Int]

    /// A coded trigger before it becomes `Event`s.
    struct Coding {
        var code: String?
        var reverse: String?
        var trigger: Range<Int>
        var sources: [Int]
        var targets: [Int]
        var location: Int?
        var date: String?
        var reciprocal: Bool
    }

    func code() -> (events: [Event], subject: [Int]) {
        var codings: [Coding] = []
        var subject: [Int] = []
        for position in 0..<view.count {
            if view.isVerb(position) {
                if let result = codeVerb(at: position) {
                    if subject.isEmpty { subject = result.subject }
                    if let coding = result.coding { codings.append(coding) }
                }
            } else if view.tag(position).hasPrefix("NN"), view.actorAt[position] == nil,
                let coding = codeNominal(at: position)
            {
                codings.append(coding)
            }
        }
        return (events(from: codings), subject)
    }

    // MARK: Verbs

    private func codeVerb(at position: Int) -> (coding: Coding?, subject: [Int])? {
        // "accused X of attacking", "denied supplying": a gerund after a preposition or a full
        // verb asserts nothing (after a be-form it is a progressive: "is attacking").
        if view.tag(position) == "VBG", position > 0,
            view.tag(position - 1) == "IN"
                || (view.isVerb(position - 1) && !VerbGroup.beForms.contains(view.word(position - 1)))
        {
            return nil
        }
        let scanner = ClauseScanner(view: view)
        let matcher = PatternMatcher(view: view)
        var best: (entry: VerbEntry, pattern: VerbPattern?, score: Int)?
        var group: VerbGroup?
        var subject: ClauseScanner.Subject?
        for index in coder.verbs.entries(forForm: view.word(position)) {
            let entry = coder.verbs.entries[index]
            guard fits(entry, at: position) else { continue }
            let start = position - entry.before.count
            let currentGroup = group ?? VerbGroup(view: view, trigger: start)
            let currentSubject = subject ?? scanner.subject(before: currentGroup.start)
            group = currentGroup
            subject = currentSubject
            let after = scanner.patternWindow(from: position + 1 + entry.after.count)
            let before = currentSubject.clauseStart..<start
            let pattern = matcher.best(in: coder.verbs.blocks[entry.block], before: before, after: after)
            let score = (entry.before.count + entry.after.count) * 1000 + (pattern?.weight ?? -1)
            if best == nil || score > (best?.score ?? 0) { best = (entry, pattern, score) }
        }
        guard let best, let group, let subject else { return nil }
        let subjectEntities = subject.actors.map { view.actors[$0].entity }
        let resolved = subjectEntities.isEmpty && subject.pronoun ? previousSubject : subjectEntities
        let block = coder.verbs.blocks[best.entry.block]
        guard let pair = best.pattern?.codes ?? best.entry.codes ?? block.codes,
            pair.forward != nil || pair.reverse != nil
        else { return (nil, resolved) }
        if group.negated, best.pattern?.before.isEmpty ?? true { return (nil, resolved) }
        if group.bareInfinitive, resolved.isEmpty { return (nil, resolved) }
        let intended = group.mood == .intended && coder.options.intentCodes
        let code = intended ? pair.forward.map { coder.codes.info(for: $0).intent ?? $0 } : pair.forward
        let reverse = intended ? pair.reverse.map { coder.codes.info(for: $0).intent ?? $0 } : pair.reverse
        let trigger = (position - best.entry.before.count)..<(position + 1 + best.entry.after.count)
        let statement = (code ?? reverse ?? "").hasPrefix("01")
        let window = scanner.objectWindow(from: trigger.upperBound, stopAtEmbeddedSubject: statement)
        let objects = scanner.objects(in: window, excludingAgent: group.passive)
        let sources = group.passive ? objects.agents.map { view.actors[$0].entity } : resolved
        // "X and Y held talks in Z": a place is a target only for a single known actor.
        let placeOnly = objects.targetIsPlace && (sources.count != 1)
        let targetEntities = placeOnly ? [] : objects.targets.map { view.actors[$0].entity }
        let targets = group.passive ? resolved : targetEntities
        let coding = Coding(
            code: code, reverse: reverse, trigger: trigger, sources: sources, targets: targets,
            location: objects.location.map { view.actors[$0].entity },
            date: date(near: trigger.lowerBound, within: subject.clauseStart..<max(window.upperBound, trigger.upperBound),
                fallback: group.mood == .asserted),
            reciprocal: !group.passive)
        return (coding, resolved)
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

    // MARK: Nouns

    private func codeNominal(at position: Int) -> Coding? {
        guard let lemma = coder.nominals[view.word(position)],
            let index = coder.verbs.entries(forForm: lemma).first(where: {
                coder.verbs.entries[$0].before.isEmpty && coder.verbs.entries[$0].after.isEmpty
            })
        else { return nil }
        let entry = coder.verbs.entries[index]
        let scanner = ClauseScanner(view: view)
        let window = scanner.objectWindow(from: position + 1, stopAtEmbeddedSubject: false)
        let block = coder.verbs.blocks[entry.block]
        let pattern = PatternMatcher(view: view).best(in: block, before: position..<position, after: window)
        guard let pair = pattern?.codes ?? entry.codes ?? block.codes, pair.forward != nil || pair.reverse != nil
        else { return nil }
        var objects = scanner.objects(in: window, excludingAgent: true)
        let owner = possessor(of: position)
        var sources = owner.map { scanner.coordinated($0, leftwards: true) } ?? objects.agents
        // "talks between X and Y": the parties act on each other.
        var between = false
        if sources.isEmpty, objects.targets.count > 1, let first = objects.targets.first,
            scanner.governingPreposition(of: first, after: window.lowerBound) == "BETWEEN"
        {
            sources = objects.targets
            objects.targets = []
            between = true
        }
        let start = owner.map { view.actors[$0].range.lowerBound } ?? position
        let targets = objects.targetIsPlace && sources.isEmpty ? [] : objects.targets
        return Coding(
            code: pair.forward, reverse: pair.reverse, trigger: position..<(position + 1), sources: sources.map { view.actors[$0].entity },
            targets: targets.map { view.actors[$0].entity },
            location: objects.location.map { view.actors[$0].entity },
            date: date(near: position, within: start..<max(window.upperBound, position + 1), fallback: false),
            reciprocal: between)
    }

    /// The actor owning an event noun: "Hamas's Oct. 7 attack", "the Hamas attack".
    private func possessor(of position: Int) -> Int? {
        var cursor = position - 1
        var steps = 0
        while cursor >= 0, steps < 10 {
            if let actor = view.actorAt[cursor] {
                return view.actors[actor].canAct ? actor : nil
            }
            let tag = view.tag(cursor)
            let modifier = ["DT", "JJ", "CD", "NNP", ",", "RB", "VBN"].contains(tag)
            guard modifier || view.isPossessive(cursor) || view.word(cursor) == "," else { return nil }
            cursor -= 1
            steps += 1
        }
        return nil
    }

    // MARK: Dates and events

    /// The value of the date expression in `range` nearest the trigger, else the article date
    /// when `fallback` (asserted, not intended or hypothetical, actions).
    private func date(near position: Int, within range: Range<Int>, fallback: Bool) -> String? {
        let sentence = document.sentences[view.index].tokens
        let candidates = dates.compactMap { date -> (Int, String)? in
            guard let value = date.value,
                let token = sentence.first(where: { document.tokens[$0].span.end > date.span.start })
            else { return nil }
            let local = token - view.offset
            return range.contains(local) ? (local, value) : nil
        }
        if let nearest = candidates.min(by: { abs($0.0 - position) < abs($1.0 - position) }) { return nearest.1 }
        return fallback ? document.articleDate?.description : nil
    }

    private func events(from codings: [Coding]) -> [Event] {
        var events: [Event] = []
        var seen = Set<String>()
        for coding in codings {
            let trigger = coding.trigger.map { document.tokens[view.offset + $0].text }.joined(separator: " ")
            for (source, target) in pairs(coding) {
                if let code = coding.code {
                    append(code, source, target, coding, trigger, &events, &seen)
                }
                if let reverse = coding.reverse, let source, let target, canAct(target) {
                    append(reverse, target, source, coding, trigger, &events, &seen)
                }
            }
        }
        return events
    }

    /// Whether an entity can be the source of a (reverse) event: not a bare treaty or nationality.
    private func canAct(_ entity: Int) -> Bool {
        document.entities[entity].type != .misc || document.entities[entity].actorCode != nil
    }

    private func append(
        _ code: String, _ source: Int?, _ target: Int?, _ coding: Coding, _ trigger: String, _ events: inout [Event],
        _ seen: inout Set<String>
    ) {
        let statement = code.hasPrefix("01") || code.hasPrefix("02")
        guard source != nil || target != nil, !statement || (source != nil && target != nil) else { return }
        guard seen.insert("\(code)|\(source ?? -1)|\(target ?? -1)").inserted else { return }
        let info = coder.codes.info(for: code)
        events.append(
            Event(
                code: code, label: info.label, trigger: trigger, source: source.map { document.entities[$0].id },
                target: target.map { document.entities[$0].id }, date: coding.date,
                location: coding.location.map { document.entities[$0].id }, sentence: view.index,
                span: document.sentences[view.index].span, quadClass: info.quadClass, goldstein: info.goldstein))
    }

    /// Source/target pairs: all combinations, or reciprocal pairs for a compound subject alone.
    private func pairs(_ coding: Coding) -> [(Int?, Int?)] {
        var result: [(Int?, Int?)] = []
        if coding.targets.isEmpty, coding.reciprocal, Set(coding.sources).count > 1 {
            for source in coding.sources {
                for target in coding.sources where target != source { result.append((source, target)) }
            }
        } else {
            let sources: [Int?] = coding.sources.isEmpty ? [nil] : coding.sources
            let targets: [Int?] = coding.targets.isEmpty ? [nil] : coding.targets
            for source in sources {
                for target in targets where source == nil || source != target { result.append((source, target)) }
            }
        }
        return Array(result.prefix(coder.maximumPairs))
    }
}
