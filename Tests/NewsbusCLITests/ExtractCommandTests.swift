import Foundation
import NewsbusTestSupport
import Testing

@Suite("newsbus extract")
struct ExtractCommandTests {
    @Test("prints one DESIGN.md document per article, with ids and offsets that match the input")
    func samples() async throws {
        let samples = CLITestSupport.samples
        let process = try CLITestSupport.start(["extract", samples.path])
        let status = try await process.exitStatus(within: .seconds(120))
        #expect(status == 0, "stderr: \(process.output.stderr)")
        let inputs = try String(contentsOf: samples, encoding: .utf8).split(separator: "\n")
        let outputs = process.output.lines
        #expect(outputs.count == inputs.count)
        for (input, output) in zip(inputs, outputs) {
            let article = try #require(JSONSerialization.jsonObject(with: Data(input.utf8)) as? [String: Any])
            let document = try #require(JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
            let header = try #require(document["article"] as? [String: Any])
            #expect(header["id"] as? String == article["id"] as? String)
            let text = Array((article["text"] as? String ?? "").unicodeScalars)
            let entities = try #require(document["entities"] as? [[String: Any]])
            #expect(!entities.isEmpty)
            for entity in entities {
                for mention in entity["mentions"] as? [[String: Any]] ?? [] {
                    let start = try #require(mention["start"] as? Int)
                    let end = try #require(mention["end"] as? Int)
                    var view = String.UnicodeScalarView()
                    view.append(contentsOf: text[start..<end])
                    #expect(String(view) == mention["text"] as? String)
                }
            }
            #expect(document["dates"] is [Any])
            #expect(document["events"] is [Any])
        }
    }
}
