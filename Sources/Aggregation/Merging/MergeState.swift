import NewsWire

/// The running state of one merge: entities found so far, their counts, dates and events.
struct MergeState {
    private var keys: [Merger.EntityKey] = []
    /// Each entity's job-wide id ("e1", "e2", ...), made once: events refer to their entities by it
    /// tens of thousands of times, and the report and its links use it again.
    private var ids: [String] = []
    private var indexByKey: [Merger.EntityKey: Int] = [:]
    private var countries: [String?] = []
    /// The last word of each multi-word PERSON entity's name (what a later short form may match).
    private var lastNames: [String?] = []
    /// Each entity's mentions per article, in job order (a list, not a dictionary by article id: no
    /// hashing). An article's counts are gathered while it is added and appended once it is done, one
    /// entry per entity it mentions: each list is touched once per article, not once per mention.
    private var counts: [[Report.ArticleMentions]] = []
    private var dates: [Report.DateEntry] = []
    private var events: [(article: Int, event: Report.EventEntry)] = []
    /// The events of the article being added (a duplicate can only be in the same article), emptied
    /// for the next one with its room kept.
    private var seenEvents: Set<EventKey> = []
    private var links = PairCounts()

    /// What makes two events of one article the same. (Every field is hashed: a worker that sent
    /// many events differing only in code or date must not make the set quadratic.)
    private struct EventKey: Hashable {
        var article: Int
        var code: String
        var source: Int?
        var target: Int?
        var date: String
        var start: UInt32
        var end: UInt32
    }

    /// Adds one article's replies.
    mutating func add(_ article: Merger.ArticleReplies, index: Int) {
        var persons: [String: Set<Int>] = [:]  // last name -> person entities seen in this article
        var positions: [(start: Int, entity: Int)] = []
        // This article's mentions per entity (each entity's list gets one entry per article, so the
        // order they are appended in does not matter).
        var mentioned: [Int: Int] = [:]
        seenEvents.removeAll(keepingCapacity: true)
        defer {
            addLinks(positions)
            for (entity, mentions) in mentioned {
                counts[entity].append(Report.ArticleMentions(article: article.articleID, mentions: mentions))
            }
        }
        for reply in article.replies {
            var local = LocalEntities(count: reply.entities.count)
            for entity in reply.entities {
                let resolved = resolve(entity, persons: persons)
                local[entity.id] = resolved
                positions += entity.mentions.map { (Int($0.start), resolved) }
                mentioned[resolved, default: 0] += max(1, entity.mentions.count)
                if countries[resolved] == nil, !entity.country.isEmpty {
                    countries[resolved] = entity.country
                }
                if let last = lastNames[resolved] {
                    persons[last, default: []].insert(resolved)
                }
            }
            for date in reply.dates {
                dates.append(
                    Report.DateEntry(
                        article: article.articleID, text: date.text, value: date.value.isEmpty ? nil : date.value,
                        start: Int(date.start), end: Int(date.end)))
            }
            for event in reply.events {
                add(event, article: article.articleID, index: index, local: local)
            }
        }
    }

    /// Counts every pair of different entities mentioned within one passage of each other. The
    /// article's pairs are collected as one word each and sorted, so the table is updated once per
    /// distinct pair with its count rather than once per co-occurrence.
    private mutating func addLinks(_ positions: [(start: Int, entity: Int)]) {
        let sorted = positions.sorted { $0.start < $1.start }
        var pairs: [UInt64] = []
        for (index, mention) in sorted.enumerated() {
            var next = index + 1
            while next < sorted.count, sorted[next].start - mention.start <= Merger.passage {
                let other = sorted[next].entity
                if other != mention.entity {
                    pairs.append(PairCounts.key(other, mention.entity))
                }
                next += 1
            }
        }
        pairs.sort()
        var start = 0
        while start < pairs.count {
            var end = start + 1
            while end < pairs.count, pairs[end] == pairs[start] { end += 1 }
            links.add(pairs[start], end - start)
            start = end
        }
    }

    /// The job entity for a chunk entity: a short person name joins a unique full name seen earlier.
    private mutating func resolve(_ entity: Newsbus_V1_Entity, persons: [String: Set<Int>]) -> Int {
        if entity.type == "PERSON", !Self.hasWhitespace(entity.name),
            let candidates = persons[entity.name], candidates.count == 1, let match = candidates.first
        {
            return match
        }
        let key = Merger.EntityKey(name: entity.name, type: entity.type)
        if let existing = indexByKey[key] { return existing }
        keys.append(key)
        ids.append("e\(keys.count)")
        indexByKey[key] = keys.count - 1
        lastNames.append(Self.lastName(of: key))
        countries.append(nil)
        counts.append([])
        return keys.count - 1
    }

    /// Whether `name` has white space (as `Character.isWhitespace` finds it), without walking the
    /// Characters of an ASCII name.
    static func hasWhitespace(_ name: String) -> Bool {
        var ascii = true
        for byte in name.utf8 {
            if byte == 0x20 || (0x09...0x0D).contains(byte) { return true }
            if byte >= 0x80 { ascii = false }
        }
        return ascii ? false : name.contains(where: \.isWhitespace)
    }

    private static func lastName(of key: Merger.EntityKey) -> String? {
        guard key.type == "PERSON", hasWhitespace(key.name),
            let last = key.name.split(whereSeparator: \.isWhitespace).last
        else { return nil }
        return String(last)
    }

    private mutating func add(_ event: Newsbus_V1_Event, article: String, index: Int, local: LocalEntities) {
        func entity(_ id: String) -> Int? { id.isEmpty ? nil : local[id] }
        let key = EventKey(
            article: index, code: event.code, source: entity(event.source), target: entity(event.target),
            date: event.date, start: event.start, end: event.end)
        guard seenEvents.insert(key).inserted else { return }
        func reference(_ id: String) -> String? { entity(id).map { ids[$0] } }
        let entry = Report.EventEntry(
            id: "", article: article, code: event.code, label: event.label, trigger: event.trigger,
            source: reference(event.source), target: reference(event.target),
            date: event.date.isEmpty ? nil : event.date, location: reference(event.location),
            sentence: event.sentence, start: Int(event.start), end: Int(event.end), quadClass: Int(event.quadClass),
            goldstein: Self.goldstein(event.goldstein))
        events.append((index, entry))
    }

    /// A worker's Goldstein score as the report may show it: the scale runs from -10 to +10, and a
    /// value off it (NaN or infinite from a broken or hostile worker) becomes 0, "no effect".
    static func goldstein(_ value: Double) -> Double {
        value.isFinite ? min(max(value, -10), 10) : 0
    }

    /// The merged result with job-wide ids.
    func result() -> Merger.Result {
        // The three lists are independent; the end of a job is on the critical path, so the events
        // and the links are ordered on other threads.
        let (keys, ids, counts, countries, events, links) = (keys, ids, counts, countries, events, links)
        let mentions = counts.map { $0.reduce(0) { $0 + $1.mentions } }
        let (entities, numbered, linkEntries) = Parallel.run(
            {
                keys.indices.map { index in
                    Report.EntityEntry(
                        id: ids[index], name: keys[index].name, type: keys[index].type,
                        country: countries[index], mentions: mentions[index], articles: counts[index])
                }
            },
            { Self.timeline(events) },
            {
                Self.heaviestFirst(
                    links, among: ReportSummary.ranked(mentions: mentions, limit: Merger.linkedEntities), ids: ids)
            })
        return Merger.Result(entities: entities, dates: dates, events: numbered, links: linkEntries)
    }

    /// Events by date (undated last), then article and position, numbered in that order.
    private static func timeline(_ events: [(article: Int, event: Report.EventEntry)]) -> [Report.EventEntry] {
        // Each distinct date is ranked once (string comparisons among a few hundred values), and the
        // events are ordered as one 128-bit word each: date rank (undated last), article, position,
        // then index; not with a closure comparing date strings tens of thousands of times, nor by
        // moving the events themselves (large values, retained and released at every move).
        let dates = Set(events.compactMap(\.event.date)).sorted()
        let rank = Dictionary(uniqueKeysWithValues: dates.enumerated().map { ($1, $0) })
        var words = events.indices.map { index in
            let (article, event) = events[index]
            let date = event.date.flatMap { rank[$0] } ?? dates.count
            return UInt128(UInt32(truncatingIfNeeded: date)) << 96 | UInt128(UInt32(truncatingIfNeeded: article)) << 64
                | UInt128(UInt32(clamping: event.start)) << 32 | UInt128(UInt32(truncatingIfNeeded: index))
        }
        words.sort()
        let ordered = words.map { Int(UInt32(truncatingIfNeeded: $0)) }
        var numbered: [Report.EventEntry] = []
        numbered.reserveCapacity(ordered.count)
        for (number, index) in ordered.enumerated() {
            var event = events[index].event
            event.id = "ev\(number + 1)"
            numbered.append(event)
        }
        return numbered
    }

    /// The co-mention links between entities at `members` (indices), heaviest first (ties by entity
    /// order), naming each entity by its id in `ids`.
    private static func heaviestFirst(_ links: PairCounts, among members: [Int], ids: [String]) -> [Report.Link] {
        var included = [Bool](repeating: false, count: (members.max() ?? -1) + 1)
        for member in members { included[member] = true }
        let heaviest = links.heaviestFirst { first, second in
            first < included.count && second < included.count && included[first] && included[second]
        }
        return heaviest.map { Report.Link(source: ids[$0.first], target: ids[$0.second], weight: $0.count) }
    }
}
