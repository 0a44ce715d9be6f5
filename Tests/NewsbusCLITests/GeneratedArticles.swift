import Foundation

/// Deterministic test articles made by recombining the sentences of the sample articles: each
/// starts with one sample article's lead sentence (so it names entities), then adds a few others.
enum GeneratedArticles {
    /// Writes `count` articles as JSON lines to `url`; returns their ids.
    static func write(count: Int, to url: URL) throws -> [String] {
        let samples = try sampleRecords()
        let leads = samples.compactMap { sentences(in: $0.text).first }
        let pool = samples.flatMap { sentences(in: $0.text) }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var lines: [String] = []
        var ids: [String] = []
        for index in 0..<count {
            var body = [leads[index % leads.count]]
            for _ in 0..<(1 + next(3)) { body.append(pool[next(pool.count)]) }
            let id = String(format: "gen-%04d", index)
            let record: [String: String] = [
                "id": id, "title": "Generated article \(index)", "date": "2025-11-0\(1 + index % 9)",
                "source": "newsbus tests", "text": body.joined(separator: " "),
            ]
            let data = try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys])
            lines.append(String(decoding: data, as: UTF8.self))
            ids.append(id)
        }
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return ids
    }

    /// The ids of the shipped sample articles.
    static func sampleIDs() throws -> [String] {
        try sampleRecords().map(\.id)
    }

    private static func sampleRecords() throws -> [(id: String, text: String)] {
        let text = try String(contentsOf: CLITestSupport.samples, encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let id = object["id"] as? String, let body = object["text"] as? String
            else { return nil }
            return (id, body)
        }
    }

    /// Sentences split at ". " and paragraph breaks (crude, but the pieces are real sentences).
    private static func sentences(in text: String) -> [String] {
        text.replacingOccurrences(of: "\n", with: " ").components(separatedBy: ". ")
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.count > 30 }
            .map { $0.hasSuffix(".") ? $0 : $0 + "." }
    }
}
