/// The layout of a quantized tagger's integer sums for one set of token forms: each distinct form
/// (and the two boundary pseudo-forms ``start`` and ``end``) has `rowsPerForm` rows of `labels`
/// sums holding what depends on the form alone, summed once per form; the tokens' own sums follow
/// from ``tokenBase``. Every token then adds its form's own row and each neighbour's window row
/// (``add(to:forms:windowOffsets:width:tokenStride:)``).
struct CachedRows {
    /// The pseudo-form before a sentence's first token, and the one after its last.
    let start: Int
    let end: Int
    /// Where the tokens' sums begin, and how many tokens there are.
    let tokenBase: Int
    let tokenCount: Int
    private let rowsPerForm: Int
    private let labels: Int

    /// The layout for `forms` with `rowsPerForm` cached rows of `labels` sums per form.
    init(forms: TokenForms, rowsPerForm: Int, labels: Int) {
        self.rowsPerForm = rowsPerForm
        self.labels = labels
        start = forms.count
        end = forms.count + 1
        tokenBase = (forms.count + 2) * rowsPerForm * labels
        tokenCount = forms.sentences.reduce(0) { $0 + $1.count }
    }

    /// The first sum of row `slot` of form `form`.
    func row(_ form: Int, _ slot: Int) -> Int { (form * rowsPerForm + slot) * labels }

    /// Adds, for every token of `forms.sentences` in order, the cached rows to its `width` sums,
    /// which follow each other `tokenStride` apart from ``tokenBase``: its form's own row (slot 0)
    /// and, for each `windowOffsets[n]`, the neighbour's window row `(n + 1) * width` after the
    /// neighbour's own (``start`` or ``end`` past the sentence's edges).
    func add(to sums: inout [Int32], forms: TokenForms, windowOffsets: [Int], width: Int, tokenStride: Int) {
        let formStride = row(1, 0)
        sums.withUnsafeMutableBufferPointer { sums in
            let base = sums.baseAddress.unsafelyUnwrapped
            var target = base + tokenBase
            for ids in forms.sentences {
                for index in ids.indices {
                    Self.add(from: base + Int(ids[index]) * formStride, to: target, count: width)
                    for (number, offset) in windowOffsets.enumerated() {
                        let neighbour = index + offset
                        let form = neighbour < 0 ? start : neighbour >= ids.count ? end : Int(ids[neighbour])
                        Self.add(from: base + form * formStride + (number + 1) * width, to: target, count: width)
                    }
                    target += tokenStride
                }
            }
        }
    }

    @inline(__always)
    private static func add(from source: UnsafeMutablePointer<Int32>, to target: UnsafeMutablePointer<Int32>, count: Int) {
        for index in 0..<count { target[index] &+= source[index] }
    }
}
