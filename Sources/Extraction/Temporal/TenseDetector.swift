/// Decides whether an expression sits in a past or a future context, from cue words near it.
///
/// No part-of-speech tags: cues are words ("will", "is set to", "was", "met") and regular
/// past forms ending in "-ed" that are not preceded by a determiner or an auxiliary. The
/// nearest cue wins; reporting verbs ("said", "told") count as weaker, farther-away cues so
/// that "X said Y will travel on Friday" reads as future.
enum TenseDetector {
    /// The tense around tokens `expression` inside `sentence`.
    static func tense(around expression: Range<Int>, in sentence: Range<Int>, tokens: [TemporalToken]) -> Tense {
        // The word right before the expression can settle it: "since May 18", "ahead of Monday's vote".
        if expression.lowerBound > sentence.lowerBound {
            let before = tokens[expression.lowerBound - 1].lower
            if before == "since" { return .strictPast }
            if before == "of", expression.lowerBound - 2 >= sentence.lowerBound,
                tokens[expression.lowerBound - 2].lower == "ahead"
            {
                return .future
            }
        }
        // boundariesBefore[k]: clause boundaries among the sentence's first k tokens.
        var boundariesBefore = [0]
        boundariesBefore.reserveCapacity(sentence.count + 1)
        for index in sentence {
            let isBoundary = kinds(tokens[index].lower) & boundary != 0
            boundariesBefore.append(boundariesBefore[boundariesBefore.count - 1] + (isBoundary ? 1 : 0))
        }
        func boundaries(_ range: Range<Int>) -> Int {
            boundariesBefore[range.upperBound - sentence.lowerBound]
                - boundariesBefore[range.lowerBound - sentence.lowerBound]
        }
        var best: (score: Int, tense: Tense)?
        for index in sentence where !expression.contains(index) {
            guard let (tense, penalty) = cue(at: index, in: sentence, tokens: tokens) else { continue }
            let before = index < expression.lowerBound
            let between = before ? (index + 1)..<expression.lowerBound : expression.upperBound..<index
            let distance = between.count + 1 + boundaryPenalty * boundaries(between)
            // Cues before the expression win ties: "said on Monday that he will …".
            let score = (distance + penalty) * 2 + (before ? 0 : 1)
            if best.map({ score < $0.score }) ?? true {
                best = (score, tense)
            }
        }
        return best?.tense ?? .unknown
    }

    /// Penalty (in tokens of distance) for reporting verbs ("said"), which often frame other times.
    private static let weakPenalty = 3
    /// Penalty (in tokens of distance) for "would" and "ahead of" (future seen from a past moment).
    private static let modalPenalty = 4
    /// Penalty (in tokens of distance) for each clause boundary between a cue and the expression.
    private static let boundaryPenalty = 3
    /// Tokens that end or start a clause: a cue beyond them says less about the expression.
    private static let clauseBoundariesList: [String] = [
        ",", ";", ":", "that", "which", "who", "whom", "but", "because", "while", "when", "after", "before",
        "\"", "\u{201C}", "\u{201D}", "--", "\u{2014}", "\u{2013}",
    ]
    /// Penalty (in tokens of distance) for the "-ed" guess.
    private static let guessPenalty = 2

    /// The tense cue at `index`, with its distance penalty.
    private static func cue(at index: Int, in sentence: Range<Int>, tokens: [TemporalToken]) -> (Tense, Int)? {
        let token = tokens[index]
        guard token.isWord || token.lower.hasPrefix("'") || token.lower.hasPrefix("\u{2019}") else { return nil }
        let word = token.lower
        let next = index + 1 < sentence.upperBound ? tokens[index + 1].lower : ""
        let kind = kinds(word)
        if kind & future != 0 {
            // "Will Smith" is a name unless it starts the sentence.
            if word == "will" && token.isCapitalized && index != sentence.lowerBound { return nil }
            return (.future, 0)
        }
        if word == "wo" && next == "n't" { return (.future, 0) }
        if kind & futureBeforeTo != 0 && (next == "to" || next == "for") { return (.future, 0) }
        // "a referendum planned for January", but "it planned to send" is a past verb.
        if word == "planned" && next == "for" { return (.future, 0) }
        // "due on Friday", "due for release", but not "cancelled due to rain".
        if word == "due" && (next == "on" || next == "for" || next == "in") { return (.future, 0) }
        if kind & past != 0 { return (.past, 0) }
        // "agreed to meet in September": what was agreed lies ahead.
        if kind & commissive != 0 && next == "to" { return (.future, 0) }
        if word == "would" || (word == "ahead" && next == "of") { return (.future, modalPenalty) }
        if kind & reporting != 0 { return (.past, weakPenalty) }
        let previous = index > sentence.lowerBound ? tokens[index - 1].lower : ""
        if kind & irregularPast != 0 && kinds(previous) & participleHead == 0 { return (.past, 0) }
        if looksLikeRegularPast(token), kinds(previous) & participleHead == 0 {
            return (.past, guessPenalty)
        }
        return nil
    }

    /// A lower-case word ending in "-ed" that is not a known non-verb ("hundred", "need").
    private static func looksLikeRegularPast(_ token: TemporalToken) -> Bool {
        let word = token.lower
        guard !token.isCapitalized, word.utf8.count >= 5, word.hasSuffix("ed"), !word.hasSuffix("eed"),
            !word.contains("-"), !notPastEd.contains(word)
        else { return false }
        return true
    }

    private static let futureWordsList: [String] = [
        "will", "'ll", "\u{2019}ll", "shall", "upcoming", "tomorrow", "next", "forthcoming",
    ]
    private static let futureBeforeToList: [String] = [
        "expected", "set", "scheduled", "slated", "poised", "plans", "plan", "planning", "intends",
        "intend", "aims", "going", "likely", "unlikely",
    ]
    private static let commissiveVerbsList: [String] = [
        "agreed", "decided", "promised", "vowed", "pledged", "threatened", "offered", "voted", "resolved",
    ]
    private static let pastWordsList: [String] = ["was", "were", "had", "did", "ago", "yesterday", "last", "earlier"]
    private static let reportingVerbsList: [String] = [
        "said", "told", "added", "confirmed", "announced", "stated", "noted", "reported", "wrote", "tweeted",
        "posted", "explained", "acknowledged",
    ]
    private static let irregularPastList: [String] = [
        "met", "went", "came", "took", "gave", "made", "held", "left", "saw", "began", "won", "lost", "spoke",
        "fought", "flew", "led", "sent", "struck", "became", "brought", "bought", "fell", "found", "got", "kept",
        "knew", "paid", "ran", "sat", "stood", "thought", "broke", "chose", "drove", "rose", "sold", "shot",
        "fled", "felt", "heard", "spent", "built", "caught", "sought", "withdrew", "threw", "swore", "woke",
    ]
    /// Words after which a participle is passive or adjectival, not a past verb.
    private static let participleHeadsList: [String] = [
        "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your",
        "'s", "\u{2019}s", "is", "are", "am", "be", "been", "being", "will", "to", "would", "could", "should",
        "may", "might", "must", "can", "get", "gets", "newly", "recently", "well", "already",
    ]
    private static let notPastEd: Set<String> = [
        "hundred", "kindred", "naked", "wicked", "sacred", "beloved", "united", "alleged", "so-called",
        "detailed", "limited", "advanced", "based", "related", "armed", "interested", "concerned", "proposed",
        "embed", "shred", "infrared",
    ]

    // The word lists as one table of bit sets: one hash per word instead of one per list.
    private static let boundary: UInt8 = 1
    private static let future: UInt8 = 2
    private static let futureBeforeTo: UInt8 = 4
    private static let past: UInt8 = 8
    private static let commissive: UInt8 = 16
    private static let reporting: UInt8 = 32
    private static let irregularPast: UInt8 = 64
    private static let participleHead: UInt8 = 128
    private static let kindTable: [String: UInt8] = {
        var table: [String: UInt8] = [:]
        let lists: [([String], UInt8)] = [
            (clauseBoundariesList, boundary), (futureWordsList, future), (futureBeforeToList, futureBeforeTo),
            (pastWordsList, past), (commissiveVerbsList, commissive), (reportingVerbsList, reporting),
            (irregularPastList, irregularPast), (participleHeadsList, participleHead),
        ]
        for (words, bit) in lists {
            for word in words { table[word, default: 0] |= bit }
        }
        return table
    }()

    /// The lists `word` is on, as bits.
    @inline(__always)
    private static func kinds(_ word: String) -> UInt8 { kindTable[word] ?? 0 }
}
