import Foundation

/// Builds the event coder's run-time tables from `../shared/data`:
///
/// * `events-verbs.txt`: `events/petrarch2/CAMEO.2.0.txt` without comments, blank lines and
///   transformations, plus the supplementary patterns in `eventVerbSupplements`;
/// * `events-codes.tsv`: `code, label, quad, goldstein, intent` from `events/cameo_codes.tsv`, with
///   the intent code derived from the PETRARCH internal coding ontology
///   (`events/UniversalPetrarch/PETR.Internal.Coding.Ontology.txt`).
///
/// Deterministic: the same inputs give byte-identical outputs.
func buildEventTables(dataDirectory: URL, outputDirectory: URL) throws {
    let events = dataDirectory.appendingPathComponent("events")
    let verbs = try String(contentsOf: events.appendingPathComponent("petrarch2/CAMEO.2.0.txt"), encoding: .utf8)
    let codes = try String(contentsOf: events.appendingPathComponent("cameo_codes.tsv"), encoding: .utf8)
    let ontology = try String(
        contentsOf: events.appendingPathComponent("UniversalPetrarch/PETR.Internal.Coding.Ontology.txt"), encoding: .utf8)
    try FileManager.default.createDirectory(at: outputDirectory, withIntermediateDirectories: true)
    try Data(compactVerbDictionary(verbs).utf8).write(to: outputDirectory.appendingPathComponent("events-verbs.txt"))
    try Data(eventCodeTable(codes, ontology: ontology).utf8)
        .write(to: outputDirectory.appendingPathComponent("events-codes.tsv"))
}

/// Lines added to dictionary blocks (block name → verb or pattern lines) for common news verbs
/// and shapes the dictionary misses or leaves at a vague block code: "travel to X" is a visit
/// (like "rush to X" is), "urge" appeals like "implore", "sanction" punishes with sanctions.
let eventVerbSupplements: [String: [String]] = [
    "GO_SOMEWHERE": ["- * (TO) [042:043]"],
    "MEET_PEOPLE": ["- * (WITH) [040]"],
    "APPEAL": ["URGE"],
    "PUNISH": ["SANCTION [163]"],
]

/// The verb dictionary without comments, blank lines and transformations, patterns supplemented.
func compactVerbDictionary(_ text: String) -> String {
    var output = [
        "# events-verbs.txt: derived by `newsbus train` from PETRARCH2 CAMEO.2.0.txt",
        "# (openeventdata/petrarch2, MIT License, Copyright (c) 2015 Open Event Data Alliance; see NOTICE).",
    ]
    for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
        var line = rawLine.firstIndex(of: "#").map { rawLine[..<$0] } ?? rawLine[...]
        line = Substring(line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).joined(separator: " "))
        if rawLine.hasPrefix("#") && rawLine.uppercased().contains("TRANSFORMATIONS") { break }
        guard !line.isEmpty else { continue }
        output.append(String(line))
        if line.hasPrefix("---"), let name = line.split(separator: " ").dropFirst().first,
            let extra = eventVerbSupplements[String(name)]
        {
            output += extra
        }
    }
    return output.joined(separator: "\n") + "\n"
}

/// `code, label, quad, goldstein, intent` rows from `cameo_codes.tsv` and the PICO ontology.
func eventCodeTable(_ codes: String, ontology: String) -> String {
    let pico = picoValues(ontology)
    var codeForValue: [Int: String] = [:]
    for (code, value) in pico.sorted(by: { ($0.key.count, $0.key) < ($1.key.count, $1.key) })
    where codeForValue[value] == nil {
        codeForValue[value] = code
    }
    var rows = ["code\tlabel\tquad\tgoldstein\tintent"]
    let lines = codes.split(whereSeparator: \.isNewline)
    guard let header = lines.first?.split(separator: "\t", omittingEmptySubsequences: false).map(String.init),
        let codeColumn = header.firstIndex(of: "code"), let labelColumn = header.firstIndex(of: "label"),
        let quadColumn = header.firstIndex(of: "quad_gdelt"), let goldsteinColumn = header.firstIndex(of: "goldstein")
    else { return rows.joined(separator: "\n") + "\n" }
    for line in lines.dropFirst() {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard fields.count > max(codeColumn, labelColumn, quadColumn, goldsteinColumn) else { continue }
        let code = fields[codeColumn]
        let intent = intentCode(for: code, pico: pico, codeForValue: codeForValue) ?? ""
        rows.append([code, fields[labelColumn], fields[quadColumn], fields[goldsteinColumn], intent].joined(separator: "\t"))
    }
    return rows.joined(separator: "\n") + "\n"
}

/// CAMEO code → PICO value, for the plain `CODE:0xHEX` lines of the ontology.
func picoValues(_ ontology: String) -> [String: Int] {
    var result: [String: Int] = [:]
    for line in ontology.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
        let parts = line.split(separator: ":", maxSplits: 1)
        guard parts.count == 2 else { continue }
        let value = parts[1].split(separator: "#").first ?? ""
        guard value.hasPrefix("0x"), let number = Int(value.dropFirst(2), radix: 16) else { continue }
        result[String(parts[0])] = number
    }
    return result
}

/// The 03x "express intent to …" code for a future action, 13x "threaten" for coercion and
/// violence, 036 for meetings; `nil` for statements and conflictual talk (kept as they are).
func intentCode(for code: String, pico: [String: Int], codeForValue: [Int: String]) -> String? {
    guard let root = Int(code.prefix(2)) else { return nil }
    switch root {
    case 4:
        return "036"
    case 5...8:
        guard let value = pico[code] ?? pico[String(code.prefix(3))] else { return "030" }
        let low = value & 0x0FFF
        for candidate in [0x3000 | low, 0x3000 | (low & 0xFF0), 0x3000 | (low & 0xF00)] {
            if let found = codeForValue[candidate] { return found }
        }
        return "030"
    case 17:
        return "130"
    case 18...20:
        return "138"
    default:
        return nil
    }
}
