@testable import Extraction

/// A small synthetic annotated corpus for training tests: news-like sentences built from
/// templates and name lists (no CoNLL text: that data may not be redistributed).
enum TaggerFixture {
    static let givenNames = ["Maria", "John", "Ahmed", "Olga", "Pierre", "Chen", "Fatima", "Lars", "Akira", "Nadia"]
    static let surnames = ["Novak", "Smith", "Haddad", "Petrova", "Martin", "Wei", "Osei", "Berg", "Tanaka", "Rossi"]
    static let places = ["Paris", "Nairobi", "Lima", "Oslo", "Hanoi", "Quito", "Dakar", "Riga", "Perth", "Bergen"]
    static let companies = [
        "Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Tyrell", "Cyberdyne", "Hooli", "Vandelay",
    ]
    static let nationalities = ["French", "Kenyan", "Peruvian", "Norwegian", "Vietnamese"]

    /// `count` documents of six sentences each; names rotate so each one appears in several roles.
    static func documents(count: Int) -> [AnnotatedDocument] {
        (0..<count).map { number in
            AnnotatedDocument(sentences: (0..<6).map { sentence(number * 6 + $0) })
        }
    }

    /// Sentence `index` of the fixture.
    static func sentence(_ index: Int) -> AnnotatedSentence {
        let given = givenNames[index % givenNames.count]
        let surname = surnames[(index / 3) % surnames.count]
        let place = places[(index / 2) % places.count]
        let company = companies[(index / 5) % companies.count]
        let nationality = nationalities[index % nationalities.count]
        let templates: [[(String, String)]] = [
            [
                (given, "B-PER"), (surname, "I-PER"), ("visited", "O"), (place, "B-LOC"), ("on", "O"),
                ("Monday", "O"), (".", "O"),
            ],
            [
                (company, "B-ORG"), ("Corp", "I-ORG"), ("said", "O"), ("it", "O"), ("hired", "O"),
                (surname, "B-PER"), (".", "O"),
            ],
            [
                ("The", "O"), (nationality, "B-MISC"), ("minister", "O"), ("met", "O"), (given, "B-PER"),
                (surname, "I-PER"), ("in", "O"), (place, "B-LOC"), (".", "O"),
            ],
            [("Shares", "O"), ("of", "O"), (company, "B-ORG"), ("rose", "O"), ("3", "O"), ("percent", "O"), ("in", "O"),
             (place, "B-LOC"), (".", "O")],
        ]
        let chosen = templates[index % templates.count]
        return AnnotatedSentence(
            tokens: chosen.map(\.0), partsOfSpeech: chosen.map { tagFor($0.1, $0.0) }, entityTags: chosen.map(\.1))
    }

    private static func tagFor(_ entity: String, _ word: String) -> String {
        if entity != "O" { return "NNP" }
        switch word {
        case ".": return "."
        case "The": return "DT"
        case "in", "of", "on": return "IN"
        case "3": return "CD"
        case "it": return "PRP"
        case "Monday": return "NNP"
        default: return word.hasSuffix("ed") || word == "met" || word == "said" || word == "rose" ? "VBD" : "NN"
        }
    }

    /// A tiny gazetteer over the fixture's places and names.
    static func gazetteer() -> Gazetteer {
        var gazetteer = Gazetteer()
        for place in places { gazetteer.add(place, as: .city) }
        for name in givenNames { gazetteer.add(name, as: .givenName) }
        gazetteer.add("Corp", as: .organizationWord)
        return gazetteer
    }
}
