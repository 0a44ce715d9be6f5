import Testing

@testable import Extraction

@Suite("Tagger tag schemes")
struct TaggerTagSchemeTests {
    @Test("IOB1 becomes IOB2", arguments: [
        (["I-ORG", "O", "I-MISC", "I-MISC"], ["B-ORG", "O", "B-MISC", "I-MISC"]),
        (["I-PER", "B-PER", "I-PER"], ["B-PER", "B-PER", "I-PER"]),
        (["I-LOC", "I-ORG"], ["B-LOC", "B-ORG"]),
        (["O", "O"], ["O", "O"]),
    ])
    func iob1ToIOB2(iob1: [String], iob2: [String]) {
        #expect(TagScheme.toIOB2(iob1) == iob2)
    }

    @Test("BILOU round-trips IOB2", arguments: [
        (["B-PER", "I-PER", "I-PER", "O", "B-LOC", "B-LOC"], ["B-PER", "I-PER", "L-PER", "O", "U-LOC", "U-LOC"]),
        (["O", "B-MISC", "I-MISC"], ["O", "B-MISC", "L-MISC"]),
    ])
    func bilou(iob2: [String], bilou: [String]) {
        #expect(TagScheme.toBILOU(iob2) == bilou)
        #expect(TagScheme.bilouToIOB2(bilou) == iob2)
    }

    @Test("malformed BILOU is repaired into whole entities")
    func repair() {
        #expect(TagScheme.bilouToIOB2(["I-PER", "L-PER", "O", "B-ORG", "O"]) == ["B-PER", "I-PER", "O", "B-ORG", "O"])
        #expect(TagScheme.bilouToIOB2(["B-PER", "L-ORG"]) == ["B-PER", "B-ORG"])
    }

    @Test("decoding forbids transitions BILOU does not allow")
    func transitions() {
        #expect(TagScheme.allowsBILOU(from: nil, to: "B-PER"))
        #expect(!TagScheme.allowsBILOU(from: nil, to: "I-PER"))
        #expect(!TagScheme.allowsBILOU(from: "B-PER", to: "O"))
        #expect(!TagScheme.allowsBILOU(from: "B-PER", to: "L-ORG"))
        #expect(TagScheme.allowsBILOU(from: "I-PER", to: "L-PER"))
        #expect(!TagScheme.allowsBILOU(from: "I-PER", to: nil))
        #expect(TagScheme.allowsBILOU(from: "L-PER", to: "U-LOC"))
    }

    @Test("CoNLL text is read into documents with IOB2 tags")
    func corpus() {
        let text = """
            -DOCSTART- -X- O O

            EU NNP I-NP I-ORG
            rejects VBZ I-VP O
            German JJ I-NP I-MISC
            call NN I-NP O

            Peter NNP I-NP I-PER
            Blackburn NNP I-NP I-PER

            -DOCSTART- -X- O O

            BRUSSELS NNP I-NP I-LOC
            """
        let documents = CoNLLCorpus.parse(text)
        #expect(documents.count == 2)
        #expect(documents[0].sentences.count == 2)
        #expect(documents[0].sentences[0].entityTags == ["B-ORG", "O", "B-MISC", "O"])
        #expect(documents[0].sentences[1].partsOfSpeech == ["NNP", "NNP"])
        #expect(documents[1].sentences[0].tokens == ["BRUSSELS"])
    }
}
