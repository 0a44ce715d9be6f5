/// Codes the events of one sentence for `EventCoder`.
struct SentenceCoder {
    let coder: EventCoder
    let document: Document
    let view: SentenceView
    /// Date expressions of this sentence that have a value.
    let dates: [DateExpression]
    /// Entity indices of the last subject seen in an earlier sentence (for "He", "They").
    let previousSubject: [Int]
    /// What a sentence-initial "they" refers to: the previous sentence's group (`PluralAntecedent`);
    /// empty for no actor, `nil` to fall back on `previousSubject`.
    var previousGroup: [Int]? = nil

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
        // "Romania beat Lithuania 2-1": a sports result, not an assault.
        if view.words.contains(where: SentenceCoder.isScore) {
            codings.removeAll { (Int(($0.code ?? $0.reverse ?? "").prefix(2)) ?? 0) >= 17 }
        }
        return (events(from: codings), subject)
    }

    /// A match score such as "2-1" or "15-13": digits, a hyphen, digits.
    static func isScore(_ word: String) -> Bool {
        var digits = 0
        var hyphens = 0
        for byte in word.utf8 {
            if byte == UInt8(ascii: "-") {
                guard hyphens == 0, (1...3).contains(digits) else { return false }
                hyphens = 1
                digits = 0
            } else {
                guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return false }
                digits += 1
            }
        }
        return hyphens == 1 && (1...3).contains(digits)
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
        // "said during a trip to X": the clause's subject made the trip.
        let circumstance =
            sources.isEmpty && owner == nil && !objects.targets.isEmpty
            ? circumstanceSubject(ofNominalAt: position, lemma: lemma) : []
        let targets = objects.targetIsPlace && sources.isEmpty && circumstance.isEmpty ? [] : objects.targets
        return Coding(
            code: pair.forward, reverse: pair.reverse, trigger: position..<(position + 1),
            sources: circumstance.isEmpty ? sources.map { view.actors[$0].entity } : circumstance,
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
    func date(near position: Int, within range: Range<Int>, fallback: Bool) -> String? {
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
        let parties = Set(coding.sources).count
        // Reciprocal pairs grow as n(n-1); past the cap, one event per party keeps every actor.
        if coding.targets.isEmpty, coding.reciprocal, parties > 1, parties * (parties - 1) <= coder.maximumPairs {
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
