/// Builds strings from runs of Unicode scalars, encoding UTF-8 straight into the string's storage
/// (much faster than appending scalar by scalar to a `String.UnicodeScalarView`).
enum ScalarText {
    /// The string of `scalars`. Its storage is sized exactly, so a short one (up to 15 bytes of
    /// UTF-8, most words) is a small string held inline: no allocation, no reference counting.
    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        guard !scalars.isEmpty else { return "" }
        let bytes = scalars.reduce(0) { $0 + UTF8.width($1) }
        return String(unsafeUninitializedCapacity: bytes) { buffer in
            var length = 0
            for scalar in scalars {
                let value = scalar.value
                if value < 0x80 {
                    buffer[length] = UInt8(truncatingIfNeeded: value)
                    length += 1
                } else {
                    for byte in UTF8.encode(scalar).unsafelyUnwrapped {
                        buffer[length] = byte
                        length += 1
                    }
                }
            }
            return length
        }
    }
}
