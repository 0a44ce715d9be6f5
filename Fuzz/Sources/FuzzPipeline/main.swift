// Fuzzes the extraction pipeline's front end (Tokenizer, SentenceSplitter, TemporalNormalizer) on
// arbitrary text (the input decoded as UTF-8, invalid sequences replaced). The document's spans
// must stay inside the text, in order, and agree with the token and date texts.
import Extraction
import FuzzSupport

let pipeline: Pipeline
do {
    pipeline = try Pipeline(stages: [Tokenizer(), SentenceSplitter(), TemporalNormalizer()])
} catch {
    fatalError("cannot build the fuzz pipeline: \(error)")
}

if let directory = SeedWriter.requestedDirectory {
    let texts = [
        "Talks resumed in Geneva on Monday. A deal was signed on 3 March 2024, officials said.",
        "Dr. Smith arrived at 5 p.m. yesterday; the U.S. team left last week (on Jan. 2nd).",
        "Prices rose 3.5% in Q1 2023 — the highest since the 1990s! Next Friday? Maybe in two weeks.",
        "«Привет», сказал он 12 мая. 東京で会議が開かれた。 Ça va?\n\nNew paragraph\twith tabs",
    ]
    SeedWriter.write(texts.enumerated().map { (name: "text-\($0.offset)", bytes: Array($0.element.utf8)) }, to: directory)
}

let articleDate = CalendarDate(iso: "2024-02-29")

FuzzDriver.run { bytes in
    let text = String(decoding: bytes, as: UTF8.self)
    let document: Document
    do {
        document = try pipeline.run(id: "fuzz", text: text, articleDate: articleDate)
    } catch {
        _ = "\(error)"
        return
    }
    let count = document.scalars.count
    var previousEnd = 0
    for token in document.tokens {
        InputSplitting.check(token.span.start >= previousEnd && token.span.start < token.span.end, "token spans out of order")
        InputSplitting.check(token.span.end <= count, "token beyond the text")
        InputSplitting.check(document.text(in: token.span) == token.text, "token text is not its span")
        previousEnd = token.span.end
    }
    var previousToken = 0
    for sentence in document.sentences {
        InputSplitting.check(sentence.tokens.lowerBound >= previousToken, "sentences overlap")
        InputSplitting.check(sentence.tokens.upperBound <= document.tokens.count, "sentence beyond the tokens")
        InputSplitting.check(sentence.span.start <= sentence.span.end && sentence.span.end <= count, "sentence span")
        previousToken = sentence.tokens.upperBound
    }
    for date in document.dates {
        InputSplitting.check(date.span.start < date.span.end && date.span.end <= count, "date span out of the text")
        InputSplitting.check(document.sentences.indices.contains(date.sentence), "date in no sentence")
        if let value = date.value { InputSplitting.check(!value.isEmpty, "empty date value") }
    }
}
