/// Conversions between the entity tag encodings: IOB1 (CoNLL-2003 files), IOB2 (our output) and
/// BILOU (what the tagger predicts internally: Begin, Inside, Last, Unit, Outside).
public enum TagScheme {
    /// Splits "B-PER" into ("B", "PER"); "O" gives ("O", "").
    static func parts(_ tag: String) -> (prefix: Substring, label: Substring) {
        guard let dash = tag.firstIndex(of: "-") else { return (Substring(tag), "") }
        return (tag[..<dash], tag[tag.index(after: dash)...])
    }

    /// Entity spans of IOB1 or IOB2 tags, read the way conlleval does: an `I-X` that does not
    /// continue an `X` entity starts a new one.
    public static func spans(_ tags: [String]) -> [EntitySpan] {
        var spans: [EntitySpan] = []
        var start = 0
        var current: Substring = ""
        for (index, tag) in tags.enumerated() {
            let (prefix, label) = parts(tag)
            let continues = !current.isEmpty && prefix == "I" && label == current
            if continues { continue }
            if !current.isEmpty { spans.append(EntitySpan(tokens: start..<index, label: String(current))) }
            if prefix == "B" || prefix == "I", !label.isEmpty {
                current = label
                start = index
            } else {
                current = ""
            }
        }
        if !current.isEmpty { spans.append(EntitySpan(tokens: start..<tags.count, label: String(current))) }
        return spans
    }

    /// IOB2 tags for `spans` over `count` tokens.
    public static func iob2(_ spans: [EntitySpan], count: Int) -> [String] {
        var tags = Array(repeating: "O", count: count)
        for span in spans {
            for index in span.tokens { tags[index] = (index == span.tokens.lowerBound ? "B-" : "I-") + span.label }
        }
        return tags
    }

    /// IOB1 or IOB2 tags rewritten as IOB2 (every entity starts with `B-`).
    public static func toIOB2(_ tags: [String]) -> [String] {
        iob2(spans(tags), count: tags.count)
    }

    /// BILOU tags for IOB1 or IOB2 tags.
    static func toBILOU(_ tags: [String]) -> [String] {
        var result = Array(repeating: "O", count: tags.count)
        for span in spans(tags) {
            if span.tokens.count == 1 {
                result[span.tokens.lowerBound] = "U-" + span.label
                continue
            }
            for index in span.tokens { result[index] = "I-" + span.label }
            result[span.tokens.lowerBound] = "B-" + span.label
            result[span.tokens.upperBound - 1] = "L-" + span.label
        }
        return result
    }

    /// IOB2 tags for BILOU tags (malformed sequences are repaired: a stray `I`/`L` starts an entity).
    static func bilouToIOB2(_ tags: [String]) -> [String] {
        var spans: [EntitySpan] = []
        var start: Int?
        var current: Substring = ""
        func close(at index: Int) {
            if let first = start, first < index {
                spans.append(EntitySpan(tokens: first..<index, label: String(current)))
            }
            start = nil
        }
        for (index, tag) in tags.enumerated() {
            let (prefix, label) = parts(tag)
            switch prefix {
            case "U":
                close(at: index)
                spans.append(EntitySpan(tokens: index..<(index + 1), label: String(label)))
            case "B":
                close(at: index)
                start = index
                current = label
            case "I", "L":
                if start == nil || label != current {
                    close(at: index)
                    start = index
                    current = label
                }
                if prefix == "L" { close(at: index + 1) }
            default:
                close(at: index)
            }
        }
        close(at: tags.count)
        return iob2(spans, count: tags.count)
    }

    /// Whether BILOU tag `next` may follow `previous` (`nil` = sentence start or end).
    static func allowsBILOU(from previous: String?, to next: String?) -> Bool {
        let open: Substring? = previous.flatMap { tag in
            let (prefix, label) = parts(tag)
            return prefix == "B" || prefix == "I" ? label : nil
        }
        guard let next else { return open == nil }
        let (prefix, label) = parts(next)
        if let open { return (prefix == "I" || prefix == "L") && label == open }
        return prefix == "O" || prefix == "B" || prefix == "U"
    }
}
