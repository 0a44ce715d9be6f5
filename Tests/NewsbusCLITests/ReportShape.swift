import Foundation

/// Checks a `report.json` against the shape DESIGN.md gives; returns every deviation found.
enum ReportShape {
    static let entityTypes: Set<String> = ["PERSON", "ORGANIZATION", "LOCATION", "MISC"]

    static func problems(in json: Any) -> [String] {
        guard let root = json as? [String: Any] else { return ["report is not a JSON object"] }
        var problems: [String] = []
        for key in ["job", "articles", "entities", "dates", "events", "stats"] where root[key] == nil {
            problems.append("missing top-level key '\(key)'")
        }
        if let job = root["job"] as? [String: Any] {
            problems += expect(job, "job", strings: ["id", "submitted"], optionalStrings: ["finished"])
        } else {
            problems.append("job is not an object")
        }
        for (index, article) in objects(root["articles"], "articles", &problems).enumerated() {
            problems += expect(article, "articles[\(index)]", strings: ["id", "title", "status"],
                               optionalStrings: ["date", "source", "error"])
            if let status = article["status"] as? String, !["ok", "failed"].contains(status) {
                problems.append("articles[\(index)].status is '\(status)'")
            }
        }
        for (index, entity) in objects(root["entities"], "entities", &problems).enumerated() {
            let path = "entities[\(index)]"
            problems += expect(entity, path, strings: ["id", "name", "type"], optionalStrings: ["country"])
            if let type = entity["type"] as? String, !entityTypes.contains(type) { problems.append("\(path).type '\(type)'") }
            if !(entity["mentions"] is Int) { problems.append("\(path).mentions is not an integer") }
            if let articles = entity["articles"] as? [String: Any] {
                if articles.values.contains(where: { !($0 is Int) }) { problems.append("\(path).articles counts") }
            } else {
                problems.append("\(path).articles is not an object")
            }
        }
        for (index, date) in objects(root["dates"], "dates", &problems).enumerated() {
            problems += expect(date, "dates[\(index)]", strings: ["article", "text"], optionalStrings: ["value"])
        }
        for (index, event) in objects(root["events"], "events", &problems).enumerated() {
            problems += expect(event, "events[\(index)]", strings: ["article", "code", "label", "sentence"],
                               optionalStrings: ["source", "target", "date", "location"])
        }
        if let stats = root["stats"] as? [String: Any] {
            for key in ["chunks", "retries", "duplicates_dropped", "failures"] where !(stats[key] is Int) {
                problems.append("stats.\(key) is not an integer")
            }
            if !(stats["timings"] is [String: Any]) { problems.append("stats.timings is not an object") }
        } else {
            problems.append("stats is not an object")
        }
        return problems
    }

    private static func objects(_ value: Any?, _ name: String, _ problems: inout [String]) -> [[String: Any]] {
        guard let array = value as? [Any] else {
            problems.append("\(name) is not an array")
            return []
        }
        let objects = array.compactMap { $0 as? [String: Any] }
        if objects.count != array.count { problems.append("\(name) holds non-objects") }
        return objects
    }

    private static func expect(
        _ object: [String: Any], _ path: String, strings: [String], optionalStrings: [String]
    ) -> [String] {
        var problems: [String] = []
        for key in strings where !(object[key] is String) {
            problems.append("\(path).\(key) is not a string")
        }
        for key in optionalStrings {
            guard let value = object[key] else {
                problems.append("\(path).\(key) is missing")
                continue
            }
            if !(value is String || value is NSNull) { problems.append("\(path).\(key) is neither string nor null") }
        }
        return problems
    }
}
