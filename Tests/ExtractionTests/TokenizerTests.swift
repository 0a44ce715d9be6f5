import Testing

@testable import Extraction

@Suite("Tokenizer")
struct TokenizerTests {
    private func texts(_ text: String) -> [String] {
        Tokenizer.tokenize(Array(text.unicodeScalars)).map(\.text)
    }

    @Test("splits news English the CoNLL way", arguments: [
        ("President Donald Trump’s return", ["President", "Donald", "Trump", "’s", "return"]),
        ("the U.S. and the U.N. met", ["the", "U.S.", "and", "the", "U.N.", "met"]),
        ("on Oct. 7, 2023, attack", ["on", "Oct.", "7", ",", "2023", ",", "attack"]),
        ("Kassym-Jomart Tokayev said.", ["Kassym-Jomart", "Tokayev", "said", "."]),
        ("It’s my “dream” that", ["It", "’s", "my", "“", "dream", "”", "that"]),
        ("$1,000.50 or 10%", ["$", "1,000.50", "or", "10", "%"]),
        ("they don't know", ["they", "do", "n't", "know"]),
        ("Mr. Smith met Sen. Jones", ["Mr.", "Smith", "met", "Sen.", "Jones"]),
        ("at 10:30 a.m. on Jan. 20", ["at", "10:30", "a.m.", "on", "Jan.", "20"]),
        ("costs, e.g. fuel", ["costs", ",", "e.g.", "fuel"]),
        ("Sen. Chuck Schumer, D-N.Y., spoke", ["Sen.", "Chuck", "Schumer", ",", "D-N.Y.", ",", "spoke"]),
        ("Ron DeSantis (R-Fla.) said", ["Ron", "DeSantis", "(", "R-Fla.", ")", "said"]),
        ("the U.S.-led coalition", ["the", "U.S.-led", "coalition"]),
        ("he left at 9 p.m.", ["he", "left", "at", "9", "p.m."]),
        ("a plan.He left", ["a", "plan", ".", "He", "left"]),
    ])
    func tokens(text: String, expected: [String]) {
        #expect(texts(text) == expected)
    }

    @Test("offsets are Unicode scalar offsets into the text")
    func offsets() {
        let text = "Trump’s “dream” — Riyadh"
        let scalars = Array(text.unicodeScalars)
        for token in Tokenizer.tokenize(scalars) {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[token.span.start..<token.span.end])
            #expect(String(view) == token.text)
        }
    }

    @Test("sentences end at terminators and blank lines, not at abbreviations")
    func sentences() {
        let text = "Saudi Crown Prince Mohammed is set to travel to Washington on Nov. 18. He said so.\n\nHEADLINE HERE\n\nNext one."
        let scalars = Array(text.unicodeScalars)
        let tokens = Tokenizer.tokenize(scalars)
        let sentences = SentenceSplitter.split(tokens, scalars: scalars)
        let rendered = sentences.map { sentence in sentence.tokens.map { tokens[$0].text }.joined(separator: " ") }
        #expect(rendered == [
            "Saudi Crown Prince Mohammed is set to travel to Washington on Nov. 18 .",
            "He said so .",
            "HEADLINE HERE",
            "Next one .",
        ])
    }
}
