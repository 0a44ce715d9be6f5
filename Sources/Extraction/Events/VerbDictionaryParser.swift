/// Reads PETRARCH verb dictionary text: synsets, verb blocks with their verbs and patterns.
///
/// Two passes: synsets first (patterns may use a synset defined further down), then blocks.
/// Transformations (`~` lines) and XML comments are skipped.
struct VerbDictionaryParser {
    private let lines: [Substring]
    var blocks: [VerbBlock] = []
    var entries: [VerbEntry] = []
    var forms: [String: [Int]] = [:]
    var synsets: [String: [[String]]] = [:]

    /// Keeps the lines with content. Cuts on UTF-8 bytes: a line feed is always a whole grapheme
    /// cluster, and cutting the `Character`s (grapheme breaking) was a sixth of the parse.
    init(text: String) {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        while start < utf8.endIndex {
            let newline = utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            let line = VerbDictionaryParser.content(of: text[start..<newline])
            if !line.isEmpty { lines.append(line) }
            start = newline < utf8.endIndex ? utf8.index(after: newline) : newline
        }
        self.lines = lines
    }

    mutating func run() {
        readSynsets()
        expandNestedSynsets()
        readBlocks()
    }

    /// The line without its comment and surrounding blanks; empty for comment-only lines.
    private static func content(of line: Substring) -> Substring {
        if line.utf8.starts(with: "<!".utf8) { return "" }
        let cut = line.utf8.firstIndex(of: UInt8(ascii: "#")).map { line[..<$0] } ?? line
        return cut.trimmingSpaces()
    }

    // MARK: Synsets

    private mutating func readSynsets() {
        var current: String?
        var raw: [String: [[String]]] = [:]
        for line in lines {
            if line.hasPrefix("&") {
                let name = VerbDictionaryParser.synsetName(line.split(separator: " ").first ?? line)
                current = name
                raw[name, default: []] = raw[name] ?? []
            } else if line.hasPrefix("+"), let name = current {
                let words = VerbDictionaryParser.words(line.dropFirst())
                if !words.isEmpty { raw[name, default: []].append(words) }
            } else {
                current = nil
            }
        }
        synsets = raw
    }

    /// Replaces `&NAME` words inside synset members by the members of that synset.
    private mutating func expandNestedSynsets() {
        var expanded: [String: [[String]]] = [:]
        for (name, members) in synsets {
            expanded[name] = members.flatMap { expand($0, depth: 0) }
        }
        synsets = expanded
    }

    /// All word runs a sequence with possible `&NAME` words stands for (bounded cross product).
    func expand(_ words: [String], depth: Int) -> [[String]] {
        var results: [[String]] = [[]]
        for word in words {
            let options: [[String]]
            if word.hasPrefix("&"), depth < 4 {
                let members = synsets[VerbDictionaryParser.synsetName(Substring(word))] ?? []
                options = members.flatMap { expand($0, depth: depth + 1) }
            } else {
                options = [[word]]
            }
            results = results.flatMap { prefix in options.map { prefix + $0 } }
            if results.count > 256 { results = Array(results.prefix(256)) }
        }
        return results
    }

    static func synsetName(_ text: Substring) -> String {
        var name = text.hasPrefix("&") ? text.dropFirst() : text
        while name.hasSuffix("_") { name = name.dropLast() }
        return name.uppercased()
    }

    /// Upper-cased words of a phrase written with spaces or `_`, markers `+` dropped.
    static func words(_ text: Substring) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "\t" })
            .map { $0.hasPrefix("+") ? $0.dropFirst() : $0 }
            .filter { !$0.isEmpty }
            .map { $0.uppercased() }
    }

    // MARK: Blocks

    private mutating func readBlocks() {
        var inBlock = false
        var patterns = VerbPatternParser(parser: self)
        for line in lines {
            if line.hasPrefix("####") {
                if line.uppercased().contains("TRANSFORM") { break }
                inBlock = false
            } else if line.hasPrefix("---") {
                startBlock(line)
                inBlock = true
            } else if line.hasPrefix("&") {
                inBlock = false
            } else if !inBlock || line.hasPrefix("~") {
                continue
            } else if line.hasPrefix("-") {
                if let pattern = patterns.pattern(line.dropFirst()) {
                    blocks[blocks.count - 1].append(pattern)
                }
            } else {
                addVerb(line)
            }
        }
    }

    private mutating func startBlock(_ line: Substring) {
        let inner = line.drop(while: { $0 == "-" || $0 == " " })
        let name = inner.split(separator: " ").first.map { String($0).uppercased() } ?? "BLOCK\(blocks.count)"
        let codes = VerbDictionaryParser.bracketed(line).flatMap { EventCodePair(specification: $0) }
        blocks.append(VerbBlock(name: name, codes: codes, patterns: []))
    }

    /// The text inside the last `[...]` of a line.
    static func bracketed(_ line: Substring) -> Substring? {
        guard let close = line.lastIndex(of: "]"), let open = line[..<close].lastIndex(of: "[") else { return nil }
        return line[line.index(after: open)..<close]
    }

    /// Adds `VERB`, `VERB {FORMS}`, `+MULTI_WORD {+FORMS}` or `WORD_+VERB [CODE]`.
    private mutating func addVerb(_ line: Substring) {
        var rest = line
        var codes: EventCodePair?
        if let open = rest.firstIndex(of: "[") {
            codes = VerbDictionaryParser.bracketed(rest).flatMap { EventCodePair(specification: $0) }
            rest = rest[..<open]
        }
        var listed: [Substring]?
        if let open = rest.firstIndex(of: "{") {
            let close = rest[open...].firstIndex(of: "}") ?? rest.endIndex
            listed = rest[rest.index(after: open)..<close].split(separator: " ")
            rest = rest[..<open]
        }
        guard let phrase = rest.split(separator: " ").first, let base = VerbDictionaryParser.verbPhrase(phrase),
            !base.verb.isEmpty
        else { return }
        let index = entries.count
        entries.append(
            VerbEntry(block: blocks.count - 1, lemma: base.verb, before: base.before, after: base.after, codes: codes))
        var verbForms = [base.verb]
        if let listed {
            verbForms += listed.compactMap { VerbDictionaryParser.verbPhrase($0)?.verb }
        } else {
            verbForms = VerbDictionary.regularForms(of: base.verb)
        }
        for form in Set(verbForms) where !form.isEmpty {
            forms[form, default: []].append(index)
        }
    }

    /// Splits `WIRE_+TAP` into the verb word and the words around it.
    static func verbPhrase(_ text: Substring) -> (verb: String, before: [String], after: [String])? {
        let parts = text.split(separator: "_").filter { !$0.isEmpty }
        guard !parts.isEmpty else { return nil }
        let marked = parts.firstIndex { $0.hasPrefix("+") } ?? 0
        let clean = parts.map { ($0.hasPrefix("+") ? $0.dropFirst() : $0).uppercased() }
        return (clean[marked], Array(clean[..<marked]), Array(clean[(marked + 1)...]))
    }
}
