/// Builds strings from runs of Unicode scalars, encoding UTF-8 straight into the string's storage
/// (much faster than appending scalar by scalar to a `String.UnicodeScalarView`).
enum ScalarText {
    /// The string of `scalars`.
    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        guard !scalars.isEmpty else { return "" }
        return String(unsafeUninitializedCapacity: scalars.count * 4) { buffer in
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
