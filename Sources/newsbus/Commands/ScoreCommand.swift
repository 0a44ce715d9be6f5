import ArgumentParser
import Extraction
import Foundation

/// `newsbus score`: conlleval-style exact-span scoring of tagged CoNLL text.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score tagged CoNLL text from stdin: gold tag in the next-to-last column, prediction in the last.",
        discussion: "Typical use: `newsbus tag --conll < dev.txt | newsbus score` (see scripts/score-conll)."
    )

    func run() throws {
        let text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        var scorer = EntityScorer()
        var gold: [String] = []
        var predicted: [String] = []
        func endSentence() {
            if !gold.isEmpty { scorer.add(gold: gold, predicted: predicted) }
            gold = []
            predicted = []
        }
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let columns = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if columns.isEmpty || columns[0] == "-DOCSTART-" {
                endSentence()
                continue
            }
            guard columns.count >= 3 else {
                throw ValidationError(
                    "Line '\(line)' has fewer than three columns; "
                        + "pipe in `newsbus tag --conll` output of gold-tagged text."
                )
            }
            gold.append(String(columns[columns.count - 2]))
            predicted.append(String(columns[columns.count - 1]))
        }
        endSentence()
        print(scorer.report())
    }
}
