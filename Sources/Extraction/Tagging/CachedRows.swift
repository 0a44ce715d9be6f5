/// The per-form rows of the quantized taggers' sums: each distinct form (and the two boundary
/// pseudo-forms, `forms.count` before a sentence and `forms.count + 1` after it) has its own row
/// of `width` sums and one row per window offset, `width` apart, summed once per form; every token
/// then adds its form's own row and each neighbour's window row to its own sums.
enum CachedRows {
    /// Adds, for every token of `forms.sentences` in order, the cached rows to its `width` sums,
    /// which start at `tokenBase` and follow each other `tokenStride` apart. Form `f`'s rows
    /// start at `f * formStride`; window row `n` (for `windowOffsets[n]`) is `(n + 1) * width`
    /// after its own row.
    static func add(
        to sums: inout [Int32], forms: TokenForms, windowOffsets: [Int], width: Int, formStride: Int,
        tokenBase: Int, tokenStride: Int
    ) {
        let start = forms.count
        let end = forms.count + 1
        sums.withUnsafeMutableBufferPointer { sums in
            let base = sums.baseAddress.unsafelyUnwrapped
            var target = base + tokenBase
            for ids in forms.sentences {
                for index in ids.indices {
                    add(from: base + Int(ids[index]) * formStride, to: target, count: width)
                    for (number, offset) in windowOffsets.enumerated() {
                        let neighbour = index + offset
                        let form = neighbour < 0 ? start : neighbour >= ids.count ? end : Int(ids[neighbour])
                        add(from: base + form * formStride + (number + 1) * width, to: target, count: width)
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
