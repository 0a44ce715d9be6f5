/// The distinct token forms of one document, each with the string views feature templates read
/// computed once, and every sentence as form ids: news repeats its words, so per-form work
/// (shapes, affixes, cached weight sums) is done once per form instead of once per token.
struct TokenForms: Sendable {
    /// Form → id: an open-addressing table of (hash, id) slots, id −1 when empty (cheaper than
    /// `Dictionary`'s seeded SipHash for short words).
    private var slotHashes = [UInt64](repeating: 0, count: 256)
    private var slotIDs = [Int32](repeating: -1, count: 256)
    /// Each form.
    private(set) var words: [String] = []
    private(set) var lowered: [String] = []
    private(set) var shapes: [String] = []
    private(set) var shortShapes: [String] = []
    private(set) var normalized: [String] = []
    /// Number of Unicode scalars of each form.
    private(set) var scalarCounts: [Int] = []
    /// Whether each form has a letter, and whether it is all capitals.
    private(set) var hasLetter: [Bool] = []
    private(set) var isAllCaps: [Bool] = []
    /// Whether each form is ASCII (`WordShape.isASCII`; its lower-cased form then is too).
    private(set) var isASCII: [Bool] = []
    /// Each form's casing as the entity features name it: "caps", "cap" or "other".
    private(set) var casings: [String] = []
    /// Every sentence as form ids.
    private(set) var sentences: [[Int32]] = []
    /// Each form's lower-cased form as an id (forms that lower-case alike share it: "The", "THE").
    private(set) var loweredIDs: [Int32] = []
    /// Lower-cased form → its id.
    private var loweredTable = StringIDTable()
    /// Number of distinct lower-cased forms.
    var loweredCount: Int { loweredTable.count }
    /// Whether each form is capitalised (`WordShape.isCapitalized`).
    private(set) var isCapitalized: [Bool] = []

    /// The forms of a document given as sentences of tokens.
    init(_ document: [[String]]) {
        sentences.reserveCapacity(document.count)
        for sentence in document {
            var ids: [Int32] = []
            ids.reserveCapacity(sentence.count)
            for word in sentence { ids.append(id(word)) }
            sentences.append(ids)
        }
    }

    /// Every sentence as its words again.
    var sentenceWords: [[String]] { sentences.map { $0.map { words[Int($0)] } } }

    /// Number of distinct forms.
    var count: Int { words.count }

    private mutating func id(_ word: String) -> Int32 {
        let hash = Self.hash(word)
        var mask = slotIDs.count - 1
        var index = Self.slot(hash, mask: mask)
        while slotIDs[index] >= 0 {
            if slotHashes[index] == hash, words[Int(slotIDs[index])] == word { return slotIDs[index] }
            index = (index + 1) & mask
        }
        let id = Int32(words.count)
        if (words.count + 1) * 2 > slotIDs.count {
            grow()
            mask = slotIDs.count - 1
            index = Self.slot(hash, mask: mask)
            while slotIDs[index] >= 0 { index = (index + 1) & mask }
        }
        slotHashes[index] = hash
        slotIDs[index] = id
        words.append(word)
        let ascii = WordShape.isASCII(word)
        let lower = ascii ? WordShape.lowercasedASCII(word) : WordShape.lowercased(word)
        lowered.append(lower)
        loweredIDs.append(loweredTable.id(lower))
        isCapitalized.append(WordShape.isCapitalized(word))
        shapes.append(ascii ? WordShape.shapeASCII(word, maximumRun: 2) : WordShape.shape(word))
        shortShapes.append(ascii ? WordShape.shapeASCII(word, maximumRun: 1) : WordShape.shortShape(word))
        normalized.append(ascii ? WordShape.normalizedASCII(word) : WordShape.normalized(word))
        isASCII.append(ascii)
        scalarCounts.append(ascii ? word.utf8.count : word.unicodeScalars.count)
        hasLetter.append(WordShape.hasLetter(word))
        let allCaps = WordShape.isAllCaps(word)
        isAllCaps.append(allCaps)
        casings.append(allCaps ? "caps" : WordShape.isCapitalized(word) ? "cap" : "other")
        return id
    }

    /// Doubles the slot table, reinserting every form.
    private mutating func grow() {
        let size = slotIDs.count * 2
        var hashes = [UInt64](repeating: 0, count: size)
        var ids = [Int32](repeating: -1, count: size)
        for (hash, id) in zip(slotHashes, slotIDs) where id >= 0 {
            var index = Self.slot(hash, mask: size - 1)
            while ids[index] >= 0 { index = (index + 1) & (size - 1) }
            hashes[index] = hash
            ids[index] = id
        }
        slotHashes = hashes
        slotIDs = ids
    }

    @inline(__always)
    private static func slot(_ hash: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9e37_79b9_7f4a_7c15) >> 32) & mask
    }

    /// FNV-1a of the word's UTF-8.
    private static func hash(_ word: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let direct: Void? = word.utf8.withContiguousStorageIfAvailable { bytes in
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        }
        if direct == nil {
            for byte in word.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        }
        return hash
    }

    /// Whether sentence `index` is an all-caps line (as `TaggingSentence.isAllCaps` finds it).
    func isAllCaps(sentence index: Int) -> Bool {
        var lettered = 0
        for id in sentences[index] where hasLetter[Int(id)] {
            guard isAllCaps[Int(id)] else { return false }
            lettered += 1
        }
        return lettered > 1
    }

    /// Sentence `index` as the per-token views the feature templates read.
    func view(_ index: Int) -> TaggingSentence {
        let tokens = sentences[index].map(Int.init)
        let lettered = tokens.filter { hasLetter[$0] }
        return TaggingSentence(
            words: tokens.map { words[$0] }, lowered: tokens.map { lowered[$0] },
            shapes: tokens.map { shapes[$0] }, shortShapes: tokens.map { shortShapes[$0] },
            normalized: tokens.map { normalized[$0] }, scalarCounts: tokens.map { scalarCounts[$0] },
            isAllCaps: lettered.count > 1 && lettered.allSatisfy { isAllCaps[$0] })
    }
}
