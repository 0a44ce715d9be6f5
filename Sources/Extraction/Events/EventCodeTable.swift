/// CAMEO event code facts: label, quad class, Goldstein score and the matching intent code.
public struct EventCodeTable: Sendable {
    /// Facts about one CAMEO code.
    package struct Info: Hashable, Sendable {
        /// CAMEO label ("Sign formal agreement").
        package var label: String
        /// GDELT quad class 1...4, 0 when unknown.
        package var quadClass: Int
        /// Goldstein score, 0 when unknown.
        package var goldstein: Double
        /// The 03x "express intent to …" code for a future action of this kind, `nil` to keep the code.
        package var intent: String?
    }

    /// Code to facts.
    package var codes: [String: Info] = [:]

    /// Parses `code<TAB>label<TAB>quad<TAB>goldstein<TAB>intent` lines (one header line, as written by
    /// `buildEventTables`).
    public init(parsing text: String, name: String = "events-codes") throws(ExtractionError) {
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 5 else {
                throw .malformedModel(name: name, reason: "line '\(line.prefix(40))' has \(fields.count) fields, not 5")
            }
            let intent = fields[4].trimmingSpaces()
            codes[String(fields[0])] = Info(
                label: String(fields[1]), quadClass: Int(fields[2]) ?? 0, goldstein: Double(fields[3]) ?? 0,
                intent: intent.isEmpty ? nil : String(intent))
        }
        guard !codes.isEmpty else { throw .malformedModel(name: name, reason: "no codes") }
    }

    /// An empty table (codes get no labels).
    public init() {}

    /// Facts for `code`; 4-digit codes fall back to their 3-digit parent for quad and Goldstein.
    package func info(for code: String) -> Info {
        if let info = codes[code] { return info }
        if code.count > 3, let parent = codes[String(code.prefix(3))] {
            return Info(label: parent.label, quadClass: parent.quadClass, goldstein: parent.goldstein, intent: parent.intent)
        }
        return Info(label: "", quadClass: 0, goldstein: 0, intent: nil)
    }
}
