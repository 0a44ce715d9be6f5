import Aggregation
import Articles
import Testing

@Suite("Chunker")
struct ChunkerTests {
    private func scalars(_ text: String, _ chunk: Chunk) -> String {
        let all = Array(text.unicodeScalars)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: all[chunk.offset..<(chunk.offset + chunk.text.unicodeScalars.count)])
        return String(view)
    }

    @Test("a short article is one chunk starting at its first token")
    func shortArticle() {
        let chunks = Chunker(maximumScalars: 100).chunks(of: "  First one. Second one.", article: 3)
        #expect(chunks == [Chunk(id: ChunkID("3-0"), article: 3, index: 0, offset: 2, text: "First one. Second one.")])
    }

    @Test("sentences are packed whole, and each chunk's offset points at its text", arguments: [20, 30, 45, 200])
    func sentenceAligned(limit: Int) {
        let text =
            "Tokayev met Trump. The talks went well — très bien. Kazakhstan joins the accords.\n\nMore news here."
        let chunks = Chunker(maximumScalars: limit).chunks(of: text, article: 0)
        #expect(!chunks.isEmpty)
        for chunk in chunks {
            #expect(chunk.text.unicodeScalars.count <= limit)
            #expect(scalars(text, chunk) == chunk.text)
        }
        #expect(chunks.map(\.id.rawValue) == chunks.indices.map { "0-\($0)" })
        let sentences = ["Tokayev met Trump.", "The talks went well — très bien.", "Kazakhstan joins the accords."]
        for sentence in sentences where sentence.unicodeScalars.count <= limit {
            #expect(chunks.contains { $0.text.contains(sentence) }, "sentence split although it fits: \(sentence)")
        }
    }

    @Test("a sentence longer than the limit is cut at token boundaries; a huge token is cut hard")
    func longSentence() {
        let text = "alpha beta gamma delta epsilon zeta eta theta " + String(repeating: "x", count: 25)
        let chunks = Chunker(maximumScalars: 12).chunks(of: text, article: 1)
        #expect(chunks.allSatisfy { $0.text.unicodeScalars.count <= 12 })
        #expect(chunks.prefix(4).map(\.text) == ["alpha beta", "gamma delta", "epsilon zeta", "eta theta"])
        #expect(
            chunks.suffix(3).map(\.text) == [String(repeating: "x", count: 12), String(repeating: "x", count: 12), "x"])
        for chunk in chunks {
            #expect(scalars(text, chunk) == chunk.text)
        }
    }

    @Test("a text of more UTF-8 bytes than the limit but no more scalars is still one chunk, offset in scalars")
    func multiByteFits() {
        // 12 scalars in 19 bytes: the byte count alone does not show that it fits.
        let text = " Ünïcödé çäfé"
        let chunks = Chunker(maximumScalars: 13).chunks(of: text, article: 0)
        #expect(chunks == [Chunk(id: ChunkID("0-0"), article: 0, index: 0, offset: 1, text: "Ünïcödé çäfé")])
        let whole = Chunker(maximumScalars: 12).chunks(of: "Ünïcödé çäfé", article: 0)
        #expect(whole.map(\.text) == ["Ünïcödé çäfé"] && whole.first?.offset == 0)
        #expect(Chunker(maximumScalars: 11).chunks(of: "Ünïcödé çäfé", article: 0).count == 2)
    }

    @Test("whitespace-only text has no chunks")
    func empty() {
        #expect(Chunker().chunks(of: " \n\t ", article: 0).isEmpty)
    }
}

@Suite("JobPlan")
struct JobPlanTests {
    @Test("short articles skip tokenizing yet chunk the same; empty ones are marked failed")
    func plan() {
        let plan = JobPlan(
            articles: [
                .init(id: "a", title: "", text: "\n  Short one.  \n"), .init(id: "b", title: "", text: " \n "),
                .init(id: "c", title: "", text: "First sentence here. Second sentence here."),
            ],
            chunkScalars: 25)
        #expect(plan.chunks.map(\.id.rawValue) == ["0-0", "2-0", "2-1"])
        #expect(plan.chunks[0].offset == 3 && plan.chunks[0].text == "Short one.")
        #expect(plan.chunks[1].text == "First sentence here.")
        #expect(plan.chunks[2].offset == 21)
        #expect(plan.failed == [1: "article has no text"])
    }
}
