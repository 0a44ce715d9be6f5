import Foundation
@testable import Extraction

/// The PETRARCH validation suite's actor and agent dictionaries, matched over tokens the way the
/// entity canonicalizer would in production: actor phrases give entities with CAMEO codes, agent
/// nouns next to them ("Gondor's government", "soldiers from Gondor") add their role code.
/// A deliberately simple stand-in for the canonicalizer, used only by the validation test.
struct EventValidationActors {
    struct Actor {
        var phrases: [[String]] = []
        var codes: [(code: String, after: Int?, before: Int?)] = []
    }

    struct Agent {
        var phrase: [String]
        var code: String
        var prefix: Bool
    }

    var actors: [Actor] = []
    var agents: [Agent] = []
    /// First word of a phrase → actor indices / agent indices having such a phrase.
    var actorsByWord: [String: Set<Int>] = [:]
    var agentsByWord: [String: Set<Int>] = [:]

    init(actorText: String, agentText: String) {
        readActors(actorText)
        readAgents(agentText)
        for (index, actor) in actors.enumerated() {
            for phrase in actor.phrases { if let first = phrase.first { actorsByWord[first, default: []].insert(index) } }
        }
        for (index, agent) in agents.enumerated() {
            if let first = agent.phrase.first { agentsByWord[first, default: []].insert(index) }
        }
    }

    private func candidates(_ index: [String: Set<Int>], _ word: String) -> [Int] {
        SentenceView.stems(of: word).reduce(into: Set<Int>()) { $0.formUnion(index[$1] ?? []) }.sorted()
    }

    private static func clean(_ line: Substring) -> Substring {
        if line.hasPrefix("<!") { return "" }
        return line.firstIndex(of: "#").map { line[..<$0] } ?? line
    }

    private static func words(_ text: Substring) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "\t" }).map { $0.uppercased() }
    }

    private mutating func readActors(_ text: String) {
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = EventValidationActors.clean(raw)
            let trimmed = line.trimmingSpaces()
            guard !trimmed.isEmpty else { continue }
            if trimmed.hasPrefix("[") {
                if !actors.isEmpty { actors[actors.count - 1].codes.append(EventValidationActors.code(trimmed)) }
            } else if trimmed.hasPrefix("+") {
                if !actors.isEmpty { actors[actors.count - 1].phrases.append(EventValidationActors.words(trimmed.dropFirst())) }
            } else {
                var actor = Actor()
                let phrase = trimmed.firstIndex(of: "[").map { trimmed[..<$0] } ?? trimmed
                actor.phrases = [EventValidationActors.words(phrase)]
                if let open = trimmed.firstIndex(of: "[") { actor.codes = [EventValidationActors.code(trimmed[open...])] }
                actors.append(actor)
            }
        }
    }

    /// `[CODE]`, `[CODE >950601]`, `[CODE <950601]`, `[CODE 19950601 - 19990815]`.
    private static func code(_ text: Substring) -> (code: String, after: Int?, before: Int?) {
        let inner = text.drop(while: { $0 == "[" }).prefix(while: { $0 != "]" })
        let parts = inner.split(separator: " ", maxSplits: 1)
        let code = parts.first.map(String.init) ?? "---"
        guard parts.count > 1 else { return (code, nil, nil) }
        let restriction = parts[1].replacingOccurrences(of: " ", with: "")
        if restriction.hasPrefix(">") { return (code, date(restriction.dropFirst()), nil) }
        if restriction.hasPrefix("<") { return (code, nil, date(restriction.dropFirst())) }
        let range = restriction.split(separator: "-")
        return range.count == 2 ? (code, date(range[0]).map { $0 - 1 }, date(range[1]).map { $0 + 1 }) : (code, nil, nil)
    }

    private static func date(_ text: some StringProtocol) -> Int? {
        guard let value = Int(text) else { return nil }
        if text.count == 8 { return value }
        let year = value / 10000
        return (year <= 30 ? 2000 + year : 1900 + year) * 10000 + value % 10000
    }

    private mutating func readAgents(_ text: String) {
        let substitutions = ["!PERSON!": ["MAN", "MEN", "WOMAN", "WOMEN", "PERSON"],
                             "!MINST!": ["MINISTER", "MINISTERS", "MINISTRY", "MINISTRIES"]]
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = EventValidationActors.clean(raw).trimmingSpaces()
            guard let open = line.firstIndex(of: "["), let close = line.firstIndex(of: "]"), !line.contains("=") else { continue }
            let spec = line[line.index(after: open)..<close].replacingOccurrences(of: " ", with: "")
            let prefix = spec.hasSuffix("~")
            let code = spec.replacingOccurrences(of: "~", with: "")
            var head = String(line[..<open])
            var plurals: [String]?
            if let brace = head.firstIndex(of: "{"), let end = head.firstIndex(of: "}") {
                plurals = head[head.index(after: brace)..<end].split(separator: " ").map { String($0) }
                head = String(head[..<brace])
            }
            var variants = [head]
            for (marker, options) in substitutions where head.contains(marker) {
                variants = options.map { head.replacingOccurrences(of: marker, with: "_" + $0) }
            }
            for variant in variants {
                let phrase = EventValidationActors.words(Substring(variant))
                guard let last = phrase.last else { continue }
                agents.append(Agent(phrase: phrase, code: code, prefix: prefix))
                let forms = plurals.map { $0.map { EventValidationActors.words(Substring($0)) } }
                    ?? [Array(phrase.dropLast()) + [last.hasSuffix("Y") ? last.dropLast() + "IES" : last + "S"]]
                for form in forms where !form.isEmpty { agents.append(Agent(phrase: form, code: code, prefix: prefix)) }
            }
        }
    }

    /// The code an actor has on `date` (YYYYMMDD).
    func code(of actor: Actor, on date: Int) -> String? {
        for entry in actor.codes where entry.after != nil || entry.before != nil {
            if (entry.after.map { date > $0 } ?? true) && (entry.before.map { date < $0 } ?? true) { return entry.code }
        }
        return actor.codes.first { $0.after == nil && $0.before == nil }?.code
    }
}

extension EventValidationActors {
    /// Actor mentions over upper-cased words: token range and composed CAMEO code.
    func mentions(words: [String], tags: [String], date: Int) -> [(range: Range<Int>, code: String)] {
        let actorSpans = spans(words: words) { position in
            candidates(actorsByWord, words[position]).map { actors[$0] }.compactMap { actor in
                code(of: actor, on: date).flatMap { code in
                    actor.phrases.compactMap { match($0, words, at: position) }.max().map { ($0, code) }
                }
            }
        }
        let covered = Set(actorSpans.flatMap { Array($0.range) })
        let agentSpans = spans(words: words) { position in
            covered.contains(position) ? [] : candidates(agentsByWord, words[position]).map { agents[$0] }.compactMap { agent in
                match(agent.phrase, words, at: position).map { ($0, agent.prefix ? agent.code + "~" : agent.code) }
            }
        }
        var result: [(range: Range<Int>, code: String)] = []
        for span in actorSpans where span.code != "---" && span.code != "+++" {
            var range = span.range
            var code = span.code.uppercased()
            var cursor = range.upperBound
            while cursor < words.count, cursor < span.range.upperBound + 4,
                ["POS", "JJ", "NNP"].contains(tags[cursor]), !agentSpans.contains(where: { $0.range.lowerBound == cursor }),
                !actorSpans.contains(where: { $0.range.lowerBound == cursor })
            {
                cursor += 1
            }
            if let agent = agentSpans.first(where: { $0.range.lowerBound == cursor }) {
                range = range.lowerBound..<agent.range.upperBound
                code = compose(code, agent.code)
            } else if let agent = agentSpans.first(where: { agent in
                guard agent.range.upperBound < span.range.lowerBound else { return false }
                let gap = agent.range.upperBound..<span.range.lowerBound
                return !gap.isEmpty && gap.count <= 2 && ["OF", "FROM", "IN"].contains(words[gap.lowerBound])
                    && gap.dropFirst().allSatisfy { tags[$0] == "DT" }
            }) {
                range = agent.range.lowerBound..<range.upperBound
                code = compose(code, agent.code)
            } else if let agent = agentSpans.first(where: { $0.range.upperBound == range.lowerBound && $0.code.hasSuffix("~") }) {
                range = agent.range.lowerBound..<range.upperBound
                code = compose(code, agent.code)
            }
            // "Bree Prime Minister Romendacil": the name after the title belongs to the same actor.
            if range != span.range, let name = actorSpans.first(where: { $0.range.lowerBound == range.upperBound }),
                code.hasPrefix(name.code.uppercased())
            {
                range = range.lowerBound..<name.range.upperBound
            }
            if let previous = result.last, previous.range.overlaps(range) { continue }
            result.append((range, code))
        }
        return result
    }

    private func compose(_ actor: String, _ agent: String) -> String {
        if agent.hasSuffix("~") { return actor.hasPrefix(agent.dropLast()) ? actor : agent.dropLast() + actor }
        return actor.hasSuffix(agent) ? actor : actor + agent
    }

    /// Longest non-overlapping matches, left to right.
    private func spans(words: [String], _ candidates: (Int) -> [(Int, String)]) -> [(range: Range<Int>, code: String)] {
        var result: [(range: Range<Int>, code: String)] = []
        var position = 0
        while position < words.count {
            if let best = candidates(position).max(by: { $0.0 < $1.0 }) {
                result.append((position..<(position + best.0), best.1))
                position += best.0
            } else {
                position += 1
            }
        }
        return result
    }

    /// Length of the phrase matched at `position` (plurals of the last word allowed), or `nil`.
    private func match(_ phrase: [String], _ words: [String], at position: Int) -> Int? {
        guard !phrase.isEmpty, position + phrase.count <= words.count else { return nil }
        for (offset, word) in phrase.enumerated() {
            let token = words[position + offset]
            let last = offset == phrase.count - 1
            guard token == word || (last && PatternMatcher.wordMatches(token, word)) else { return nil }
        }
        return phrase.count
    }
}
