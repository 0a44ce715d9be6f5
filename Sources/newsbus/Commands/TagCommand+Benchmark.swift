import Articles
import Extraction
import ExtractionModels
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `newsbus tag --benchmark FILE`: the taggers' own speed, apart from the rest of the pipeline.
extension TagCommand {
    /// Tokenises and splits every article of `path` (untimed), then times the part-of-speech and
    /// entity stages on them and prints one line: tokens/s of both taggers together and of each.
    static func benchmark(path: String) throws {
        let articles = try ArticleReader().read(paths: [path])
        let pos = try ExtractionModels.loadPOSTagger()
        let ner = try ExtractionModels.loadNERTagger()
        var documents: [Document] = []
        for article in articles {
            var document = Document(text: article.text, articleDate: article.date.flatMap { CalendarDate(iso: $0) })
            try Tokenizer().apply(to: &document)
            try SentenceSplitter().apply(to: &document)
            documents.append(document)
        }
        let tokens = documents.reduce(0) { $0 + $1.tokens.count }
        var posSeconds = 0.0
        var nerSeconds = 0.0
        let wallStart = ContinuousClock.now
        for var document in documents {
            let start = threadCPUSeconds()
            try pos.apply(to: &document)
            let middle = threadCPUSeconds()
            try ner.apply(to: &document)
            posSeconds += middle - start
            nerSeconds += threadCPUSeconds() - middle
        }
        let wall = ContinuousClock.now - wallStart
        let wallSeconds = Double(wall.components.seconds) + Double(wall.components.attoseconds) * 1e-18
        let cpu = posSeconds + nerSeconds
        print(
            "\(rate(tokens, cpu)) tokens/s POS+NER (\(tokens) tokens, \(format(cpu)) s CPU, \(format(wallSeconds)) s wall);"
                + " POS \(rate(tokens, posSeconds)) tokens/s, NER (2 passes) \(rate(tokens, nerSeconds)) tokens/s")
    }

    private static func rate(_ tokens: Int, _ seconds: Double) -> String {
        seconds > 0 ? String(Int((Double(tokens) / seconds).rounded())) : "n/a"
    }

    private static func format(_ seconds: Double) -> String {
        String(format: "%.2f", seconds)
    }

    /// CPU time of the calling thread: robust against other processes on a shared machine.
    private static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }
}
