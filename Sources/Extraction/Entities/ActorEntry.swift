/// The CAMEO actor codes a PETRARCH dictionary phrase carries, each valid over a date range.
package struct ActorEntry: Hashable, Sendable {
    /// One code and the days (as `CalendarDate.dayNumber`, inclusive) it applies to; `nil` bounds are open.
    package struct DatedCode: Hashable, Sendable {
        /// CAMEO actor code (`KAZGOV`, `IGOUNO`).
        package var code: String
        /// First day the code applies, or `nil` for "always".
        package var from: Int?
        /// Last day the code applies, or `nil` for "still".
        package var until: Int?

        /// Whether the code carries a date restriction.
        package var isDated: Bool { from != nil || until != nil }
    }

    /// Codes in dictionary order.
    package var codes: [DatedCode]

    /// Creates an entry.
    package init(codes: [DatedCode]) {
        self.codes = codes
    }

    /// Parses the `codes` cell of actors_flat.tsv (`CODE`, `CODE:>YYYYMMDD`, `CODE:<YYYYMMDD`,
    /// `CODE:YYYYMMDD-YYYYMMDD`, `;`-separated). Malformed codes and the null code `---` are skipped.
    package init(parsing cell: some StringProtocol) {
        // Read as UTF-8 bytes, not `Character`s: the cells are ASCII, and grapheme breaking and
        // index validation made this the slowest part of loading the actor dictionary.
        var cell = Substring(cell)
        codes = cell.withUTF8 { bytes in
            bytes.split(separator: ActorEntry.semicolon).compactMap(ActorEntry.parseCode)
        }
    }

    /// Whether the dictionary dates any of the codes (true for most people, false for institutions).
    package var isDated: Bool { codes.contains(where: \.isDated) }

    /// The code that applies on `date`: the first dated code whose range holds it, else the first
    /// undated (default) code. Without a date: the default code, else the last dated one.
    package func code(on date: CalendarDate?) -> String? {
        if let day = date?.dayNumber,
            let dated = codes.first(where: { $0.isDated && ($0.from ?? day) <= day && day <= ($0.until ?? day) })
        {
            return dated.code
        }
        return codes.first(where: { !$0.isDated })?.code ?? (date == nil ? codes.last?.code : nil)
    }

    /// The `codes` cell for this entry, the inverse of `init(parsing:)`.
    package var serialized: String {
        codes.map { code in
            switch (code.from, code.until) {
            case (nil, nil): code.code
            case (let from?, nil): "\(code.code):>\(ActorEntry.format(from))"
            case (nil, let until?): "\(code.code):<\(ActorEntry.format(until + 1))"
            case (let from?, let until?): "\(code.code):\(ActorEntry.format(from))-\(ActorEntry.format(until))"
            }
        }.joined(separator: ";")
    }

    private typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>
    private static let (semicolon, colon, dash) = (UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "-"))

    private static func parseCode(_ text: Bytes) -> DatedCode? {
        let colon = text.firstIndex(of: Self.colon)
        let name = text[..<(colon ?? text.endIndex)]
        let isAlphanumeric = name.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        }
        // `---` (no code) is not alphanumeric.
        guard !name.isEmpty, isAlphanumeric else { return nil }
        let code = String(decoding: name, as: UTF8.self)
        guard let colon else { return DatedCode(code: code, from: nil, until: nil) }
        let range = text[(colon + 1)...]
        switch range.first {
        case UInt8(ascii: ">"):
            guard let day = parseDay(range.dropFirst()) else { return nil }
            return DatedCode(code: code, from: day, until: nil)
        case UInt8(ascii: "<"):
            guard let day = parseDay(range.dropFirst()) else { return nil }
            return DatedCode(code: code, from: nil, until: day - 1)
        default:
            guard let dash = range.firstIndex(of: Self.dash), let from = parseDay(range[..<dash]),
                let until = parseDay(range[(dash + 1)...]), from <= until
            else {
                return nil
            }
            return DatedCode(code: code, from: from, until: until)
        }
    }

    /// The day number of eight ASCII digits `YYYYMMDD`, or `nil`.
    private static func parseDay(_ text: Bytes) -> Int? {
        guard text.count == 8 else { return nil }
        var number = 0
        for byte in text {
            guard (0x30...0x39).contains(byte) else { return nil }
            number = number * 10 + Int(byte - 0x30)
        }
        return CalendarDate(year: number / 10_000, month: number / 100 % 100, day: number % 100)?.dayNumber
    }

    private static func format(_ day: Int) -> String {
        CalendarDate(dayNumber: day).description.filter { $0 != "-" }
    }
}
