import ExtractionModels
import Testing

@testable import Extraction

@Suite("Tagger components")
struct TaggerComponentTests {
    @Test("the gazetteer matches tokenized phrases case-insensitively, with every category")
    func gazetteer() {
        var gazetteer = Gazetteer()
        gazetteer.add("United Arab Emirates", as: .country)
        gazetteer.add("People's Republic of China", as: .country)
        gazetteer.add("Jordan", as: .country)
        gazetteer.add("Jordan", as: .givenName)
        let words = ["the", "people", "'s", "republic", "of", "china", "and", "jordan"]
        let matches = gazetteer.matches(in: words)
        #expect(matches.contains { $0.range == 1..<6 && $0.mask == GazetteerCategory.country.bit })
        #expect(matches.contains {
            $0.range == 7..<8 && $0.mask == GazetteerCategory.country.bit | GazetteerCategory.givenName.bit
        })
        #expect(gazetteer.mask(of: ["united", "arab", "emirates"]) == GazetteerCategory.country.bit)
        #expect(gazetteer.mask(of: ["united", "arab"]) == 0)
        #expect(gazetteer.count == 3)
    }

    @Test("gazetteer tables are parsed by column name")
    func tables() {
        var tables = GazetteerTables()
        tables.countries = "iso2\tname\talt_names\tdemonyms\tcapitals\n"
            + "KZ\tKazakhstan\tQazaqstan\tKazakh|Kazakhstani\tAstana\n"
        tables.personTitles = "title\tcategory\nPresident\tpolitical\n"
        let gazetteer = tables.gazetteer()
        #expect(gazetteer.mask(of: ["kazakhstan"]) == GazetteerCategory.country.bit)
        #expect(gazetteer.mask(of: ["kazakhstani"]) == GazetteerCategory.demonym.bit)
        #expect(gazetteer.mask(of: ["astana"]) == GazetteerCategory.city.bit)
        #expect(gazetteer.mask(of: ["president"]) == GazetteerCategory.personTitle.bit)
    }

    @Test("the feature table finds every key it stores, across growth")
    func featureTable() {
        var table = FeatureTable()
        var generator = SplitMix64(seed: 3)
        let keys = (0..<5_000).map { _ in UInt32(truncatingIfNeeded: generator.next()) }
        for (row, key) in keys.enumerated() { table.insert(key, row: Int32(row)) }
        let distinct = Set(keys)
        #expect(table.count == distinct.count)
        for (row, key) in keys.enumerated() where keys.firstIndex(of: key) == row {
            #expect(table[key] != nil)
        }
        #expect(table.sortedEntries.map(\.key) == distinct.sorted())
        #expect(table[UInt32.max] == (distinct.contains(UInt32.max) ? table[UInt32.max] : nil))
    }

    @Test("typographic characters of raw text map to CoNLL's ASCII forms", arguments: [
        ("Trump\u{2019}s", "Trump's"), ("\u{201C}", "\""), ("\u{2014}", "--"), ("Zürich", "Zürich"),
        ("plain", "plain"),
    ])
    func normalizer(raw: String, expected: String) {
        #expect(TokenNormalizer.conllForm(raw) == expected)
    }

    @Test("word shapes summarise casing, digits and punctuation", arguments: [
        ("Kassym-Jomart", "Xxx-Xxx", "Xx-Xx"), ("1996-08-22", "dd-dd-dd", "d-d-d"), ("U.S.", "X.X.", "X.X."),
        ("NATO", "XX", "X"),
    ])
    func shapes(word: String, shape: String, short: String) {
        #expect(WordShape.shape(word) == shape)
        #expect(WordShape.shortShape(word) == short)
    }

    @Test("tag --conll keeps every line, adds one column to token lines and reads only the token")
    func conllFormat() throws {
        let model = try ExtractionModels.loadEntityModel()
        let input = "-DOCSTART- -X- O O\r\n\r\nParis NNP I-NP I-LOC\r\nsaid\tVBD\n\nBerlin"
        let output = CoNLLTagging.tag(input, model: model)
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 7)
        #expect(lines[0] == "-DOCSTART- -X- O O")
        #expect(lines[1] == "")
        #expect(lines[2] == "Paris NNP I-NP I-LOC B-LOC")
        #expect(lines[3] == "said\tVBD\tO")
        #expect(lines[4] == "")
        #expect(lines[5] == "Berlin B-LOC")
        #expect(lines[6] == "")
        let withoutColumns = CoNLLTagging.tag("Paris\nsaid\n\nBerlin\n", model: model)
        #expect(withoutColumns == "Paris B-LOC\nsaid O\n\nBerlin B-LOC\n")
        #expect(CoNLLTagging.tag("", model: model) == "")
    }
}
