/// Groups candidates that name the same thing. Places and known organisations group by canonical
/// name; a person's short form ("Tokayev", "Mohammed bin Salman") joins the longest full name in the
/// article that ends with it (or, for two words or more, contains it); an organisation or misc
/// mention that is exactly such a surname ("the Trump administration") joins that person too, and
/// so does a titled given name when one full name starts with it ("Crown Prince Mohammed").
enum EntityClusterer {
    /// One cluster key per candidate, and the index of the full-name candidate heading each person cluster.
    static func keys(for candidates: [MentionCandidate]) -> (keys: [String], heads: [Int?]) {
        let fullNames = candidates.indices.filter { index in
            (candidates[index].resolution?.type ?? candidates[index].mention.type) == .person
                && candidates[index].nameKeys.count >= 2
        }
        var keys: [String] = []
        var heads: [Int?] = []
        for candidate in candidates {
            if let resolution = candidate.resolution, resolution.type != .person {
                keys.append("\(resolution.type.rawValue)|\(NameKey.of(resolution.name))")
                heads.append(nil)
                continue
            }
            let type = candidate.resolution?.type ?? candidate.mention.type
            let canJoinPerson =
                type == .person || (candidate.resolution == nil && (type == .organization || type == .misc))
            if canJoinPerson,
                let head = head(of: candidate, among: fullNames, in: candidates, exactSuffix: type != .person)
                    ?? titledGivenName(candidate, among: fullNames, in: candidates)
            {
                keys.append("PERSON|" + candidates[head].nameKeys.joined(separator: " "))
                heads.append(head)
            } else {
                keys.append("\(type.rawValue)|" + candidate.nameKeys.joined(separator: " "))
                heads.append(nil)
            }
        }
        return (keys, heads)
    }

    /// The longest full name (earliest on ties) that `candidate` is a short form of.
    private static func head(
        of candidate: MentionCandidate, among fullNames: [Int], in candidates: [MentionCandidate], exactSuffix: Bool
    ) -> Int? {
        var best: Int?
        for index in fullNames {
            let full = candidates[index].nameKeys
            let short = candidate.nameKeys
            let matches =
                exactSuffix
                ? short.count < full.count && full.suffix(short.count).elementsEqual(short)
                : isShortForm(short, of: full)
            guard matches else { continue }
            if let current = best, candidates[current].nameKeys.count >= full.count { continue }
            best = index
        }
        return best
    }

    /// The one full name starting with a titled single name ("Crown Prince Mohammed", "King Salman"),
    /// the way royals and religious leaders are referred to; `nil` when none or several match.
    private static func titledGivenName(
        _ candidate: MentionCandidate, among fullNames: [Int], in candidates: [MentionCandidate]
    ) -> Int? {
        guard candidate.title != nil, candidate.mention.type == .person, candidate.nameKeys.count == 1 else {
            return nil
        }
        let matches = fullNames.filter { candidates[$0].nameKeys.first == candidate.nameKeys[0] }
        let names = Set(matches.map { candidates[$0].nameKeys })
        guard names.count == 1 else { return nil }
        return matches.max { candidates[$0].nameKeys.count < candidates[$1].nameKeys.count }
    }

    /// Whether `short` names the same person as `full`: a suffix of it (the surname), or for two
    /// words or more any contiguous part of it.
    static func isShortForm(_ short: [String], of full: [String]) -> Bool {
        guard !short.isEmpty, short.count <= full.count else { return false }
        if full.suffix(short.count).elementsEqual(short) { return true }
        guard short.count >= 2 else { return false }
        for start in 0...(full.count - short.count) where full[start..<(start + short.count)].elementsEqual(short) {
            return true
        }
        return false
    }
}
