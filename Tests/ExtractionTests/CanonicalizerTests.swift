import Testing

@testable import Extraction

/// Table-driven checks of the canonicaliser on small hand-marked texts with the shipped tables.
@Suite("Entity canonicaliser")
struct CanonicalizerTests {
    typealias Marks = [(String, EntityType)]

    private func run(_ text: String, _ marks: Marks, date: String? = "2025-11-06", fallback: Bool = false) throws
        -> Document
    {
        try EntityTestSupport.canonicalize(
            EntityTestSupport.document(text, date: date, marking: marks), fallback: fallback)
    }

    @Test(
        "short forms join the full name, before or after it",
        arguments: [
            (
                "Tokayev spoke. Later Kassym-Jomart Tokayev left.",
                [("Tokayev", EntityType.person), ("Kassym-Jomart Tokayev", .person)],
                "Kassym-Jomart Tokayev", 2
            ),
            (
                "President Donald Trump met Mr. Trump's aides.", [("Donald Trump", .person), ("Trump", .person)],
                "Donald Trump", 2
            ),
            (
                "Mohammed bin Salman al Saud came. Mohammed bin Salman spoke.",
                [
                    ("Mohammed bin Salman al Saud", .person),
                    ("Mohammed bin Salman", .person),
                ], "Mohammed bin Salman al Saud", 2
            ),
            (
                "Donald Trump spoke. The first Trump administration acted.",
                [("Donald Trump", .person), ("Trump", .misc)],
                "Donald Trump", 2
            ),
            ("President Donald Trump arrived.", [("President Donald Trump", .person)], "Donald Trump", 1),
            ("Hamas's attack. Hamas said.", [("Hamas's", .organization), ("Hamas", .organization)], "Hamas", 2),
        ] as [(String, Marks, String, Int)])
    func merging(text: String, marks: Marks, name: String, mentions: Int) throws {
        let document = try run(text, marks)
        let matches = document.entities.filter { $0.name == name }
        #expect(matches.count == 1)
        #expect(matches.first?.mentions.count == mentions)
        #expect(document.entities.count == 1)
    }

    @Test(
        "a titled given name joins the one full name it starts",
        arguments: [
            ("Mohammed bin Salman met aides. Crown Prince Mohammed spoke.", 1),
            ("Mohammed bin Salman met Mohammed bin Zayed. Crown Prince Mohammed spoke.", 3),
            ("Mohammed bin Salman met aides. Mohammed spoke.", 2),
        ])
    func titledGivenName(text: String, entities: Int) throws {
        let document = try run(
            text,
            [
                ("Mohammed bin Salman", .person), ("Mohammed bin Zayed", .person), ("Mohammed", .person),
            ])
        #expect(document.entities.count == entities)
        #expect(document.entities.allSatisfy { $0.type == .person })
    }

    @Test("different people with different surnames stay apart")
    func distinctPeople() throws {
        let document = try run(
            "Donald Trump met Melania Trump and Joe Biden. Biden left.",
            [
                ("Donald Trump", .person), ("Melania Trump", .person), ("Joe Biden", .person), ("Biden", .person),
            ])
        #expect(document.entities.map(\.name) == ["Donald Trump", "Melania Trump", "Joe Biden"])
        #expect(document.entities[2].mentions.count == 2)
    }

    @Test(
        "aliases resolve to canonical names, types and codes",
        arguments: [
            ("U.S.", EntityType.location, "United States", EntityType.location, "US", "USA"),
            ("US", .location, "United States", .location, "US", "USA"),
            ("America", .location, "United States", .location, "US", "USA"),
            ("United States of America", .location, "United States", .location, "US", "USA"),
            ("UAE", .location, "United Arab Emirates", .location, "AE", "ARE"),
            ("U.N.", .organization, "United Nations", .organization, nil, "IGOUNO"),
            ("Israel", .organization, "Israel", .location, "IL", "ISR"),
            ("Israeli", .misc, "Israeli", .misc, "IL", "ISR"),
            ("Saudi", .misc, "Saudi", .misc, "SA", "SAU"),
            ("Muslim", .misc, "Muslim", .misc, nil, nil),
            ("White House", .location, "White House", .organization, "US", "USAGOV"),
            ("Riyadh", .location, "Riyadh", .location, "SA", "SAU"),
            ("Middle East", .location, "Middle East", .location, nil, "MEA"),
            ("Hamas", .organization, "Hamas", .organization, "PS", "PSEREBHMS"),
            ("Reuters", .organization, "Reuters", .organization, "GB", "MED"),
        ] as [(String, EntityType, String, EntityType, String?, String?)])
    func aliases(written: String, tagged: EntityType, name: String, type: EntityType, country: String?, code: String?)
        throws
    {
        let document = try run("They said \(written) acted.", [(written, tagged)])
        let entity = try #require(document.entities.first)
        #expect(entity.name == name)
        #expect(entity.type == type)
        #expect(entity.country == country)
        #expect(entity.actorCode == code)
    }

    @Test("aliases of one country make one entity")
    func aliasMerge() throws {
        let document = try run(
            "The U.S. and the United States and America.",
            [
                ("U.S.", .location), ("United States", .location), ("America", .location),
            ])
        #expect(document.entities.count == 1)
        #expect(document.entities.first?.mentions.count == 3)
    }

    @Test(
        "the context gives a person's country and role",
        arguments: [
            ("Kazakhstan President Kassym-Jomart Tokayev spoke.", "Kassym-Jomart Tokayev", "KZ", "KAZGOV"),
            ("President Shavkat Mirziyoyev of Uzbekistan spoke.", "Shavkat Mirziyoyev", "UZ", "UZBGOV"),
            ("Saudi Crown Prince Mohammed bin Salman spoke.", "Mohammed bin Salman", "SA", "SAUGOV"),
            ("Israel's Benjamin Netanyahu spoke.", "Benjamin Netanyahu", "IL", nil),
            ("Israeli Defense Minister Israel Katz spoke.", "Israel Katz", "IL", "ISRGOVMIL"),
            ("Former President Jane Doe of Kenya spoke.", "Jane Doe", "KE", "KENELI"),
            ("Jane Doe spoke.", "Jane Doe", nil, nil),
            ("President Jane Doe of the United States spoke.", "Jane Doe", "US", "USAGOV"),
        ] as [(String, String, String?, String?)])
    func personContext(text: String, name: String, country: String?, code: String?) throws {
        let marks: Marks = [
            (name, .person), ("Kazakhstan", .location), ("Uzbekistan", .location), ("Saudi", .misc),
            ("Israel", .location), ("Israeli", .misc), ("Kenya", .location), ("United States", .location),
        ]
        let document = try run(text, marks)
        let entity = try #require(document.entities.first { $0.name == name })
        #expect(entity.type == .person)
        #expect(entity.country == country)
        if let code { #expect(entity.actorCode == code) }
    }

    @Test(
        "titles and nationalities inside the tagger's span still give the role",
        arguments: [
            (
                "Kazakhstan President Kassym-Jomart Tokayev spoke.", "Kazakhstan President Kassym-Jomart Tokayev", "KZ",
                "KAZGOV"
            ),
            ("Saudi Crown Prince Mohammed bin Salman spoke.", "Saudi Crown Prince Mohammed bin Salman", "SA", "SAUGOV"),
            ("Kazakhstan's President Jane Doe spoke.", "Kazakhstan 's President Jane Doe", "KZ", "KAZGOV"),
            ("The U.S. President Jane Doe spoke.", "President Jane Doe", "US", "USAGOV"),
        ] as [(String, String, String, String)])
    func insideSpan(text: String, span: String, country: String, code: String) throws {
        let document = try run(text, [(span, .person), ("U.S.", .location)])
        let entity = try #require(document.entities.first { $0.type == .person })
        #expect(entity.name == document.mentions[entity.mentions[0]].text)
        #expect(!entity.name.contains("President") && !entity.name.contains("Prince"))
        #expect(!entity.name.hasPrefix("Kazakhstan") && !entity.name.hasPrefix("Saudi"))
        #expect(entity.country == country)
        #expect(entity.actorCode == code)
    }

    @Test(
        "dictionary codes follow the article date",
        arguments: [
            ("2025-11-06", "UZBGOV"), ("1990-01-01", "UZBELI"),
        ])
    func datedCodes(date: String, code: String) throws {
        let document = try run("Shavkat Mirziyoyev spoke.", [("Shavkat Mirziyoyev", .person)], date: date)
        #expect(document.entities.first?.actorCode == code)
        #expect(document.entities.first?.country == "UZ")
    }

    @Test(
        "an organisation's country comes from its name or context",
        arguments: [
            ("The Kazakh Foreign Ministry said.", "Kazakh Foreign Ministry", "KZ"),
            ("The Bank of Israel said.", "Bank of Israel", "IL"),
            ("Kazakhstan's Foreign Ministry said.", "Foreign Ministry", "KZ"),
            ("The Acme Group said.", "Acme Group", nil),
        ] as [(String, String, String?)])
    func organizationCountry(text: String, name: String, country: String?) throws {
        let document = try run(text, [(name, .organization), ("Kazakhstan", .location)])
        let entity = try #require(document.entities.first { $0.name == name })
        #expect(entity.type == .organization)
        #expect(entity.country == country)
    }

    @Test(
        "mentions in teaser headlines and boilerplate lines are dropped",
        arguments: [
            "TENSION BUILDS BETWEEN TRUMP'S TOP COPS FOLLOWING MONTHS OF 'BONEHEAD SCREWUPS'",
            "Related Content", "Read more: Trump news", "ADVERTISEMENT",
        ])
    func junk(line: String) throws {
        let text = "Donald Trump spoke in Iowa.\n\n\(line)\n\nHe left."
        let document = try run(
            text,
            [
                ("Donald Trump", .person), ("TRUMP", .person), ("Trump", .person),
                ("BONEHEAD SCREWUPS", .organization), ("Related Content", .organization),
                ("ADVERTISEMENT", .organization),
                ("Iowa", .location),
            ])
        #expect(document.entities.map(\.name) == ["Donald Trump", "Iowa"])
        #expect(document.entities[0].mentions.count == 1)
        #expect(document.mentions.count == 2)
    }

    @Test("a text set entirely in capitals keeps its mentions")
    func allCapsText() throws {
        let document = try run(
            "ISRAEL AND HAMAS AGREED A TRUCE.\n\nTALKS WILL GO ON IN CAIRO.",
            [
                ("ISRAEL", .location), ("HAMAS", .organization), ("CAIRO", .location),
            ])
        #expect(document.entities.map(\.name) == ["Israel", "HAMAS", "Cairo"])
    }

    @Test("ids are e1, e2, … in order of first mention")
    func ids() throws {
        let document = try run(
            "Iran and Israel. Israel and Hamas. Iran again.",
            [
                ("Iran", .location), ("Israel", .location), ("Hamas", .organization),
            ])
        #expect(document.entities.map(\.id) == ["e1", "e2", "e3"])
        #expect(document.entities.map(\.name) == ["Iran", "Israel", "Hamas"])
        #expect(document.entities[0].mentions == [0, 4])
        #expect(document.mentions.map(\.entity) == [0, 1, 1, 2, 0])
        #expect(document.mentions.map(\.type) == [.location, .location, .location, .organization, .location])
    }

    @Test("titles, determiners and possessives are trimmed from mention spans")
    func trimmedSpans() throws {
        let text = "President Donald Trump’s plan and the White House."
        let document = try run(text, [("President Donald Trump ’s", .person), ("the White House", .organization)])
        #expect(document.mentions.map(\.text) == ["Donald Trump", "White House"])
        #expect(document.mentions[0].span == TextSpan(start: 10, end: 22))
    }

    @Test(
        "missed countries and capitals are added only when unambiguous",
        arguments: [
            ("Talks were held in Kazakhstan and Tashkent.", ["Kazakhstan", "Tashkent"]),
            ("The Georgia Tech team won.", []),
            ("Michael Jordan and Chad Smith met in New Jersey.", []),
            ("He visited the United Arab Emirates.", ["United Arab Emirates"]),
            ("Officials from Israel and Jordan met.", []),
        ])
    func fallback(text: String, expected: [String]) throws {
        let document = try run(text, [], fallback: true)
        #expect(document.entities.map(\.name) == expected)
        #expect(document.entities.allSatisfy { $0.type == .location })
    }

    @Test("a bare title is not a person, and a region used as an adjective stays MISC")
    func bareTitleAndAdjective() throws {
        let document = try run(
            "The President praised the Mediterranean diet.",
            [
                ("President", .person), ("Mediterranean", .misc),
            ])
        #expect(document.entities.map(\.name) == ["Mediterranean"])
        #expect(document.entities.first?.type == .misc)
        #expect(document.entities.first?.country == nil)
    }

    @Test("a name first seen in capitals is reported as written in running text")
    func shoutedThenWritten() throws {
        let document = try run(
            "TAVILDARA, Tajikistan\n\nFighting near Tavildara went on.",
            [
                ("TAVILDARA", .location), ("Tavildara", .location), ("Tajikistan", .location),
            ])
        #expect(document.entities.map(\.name) == ["Tavildara", "Tajikistan"])
        #expect(document.entities.first?.mentions.count == 2)
    }

    @Test("mentions outside the tokens are skipped, not trapped on")
    func invalidMentions() throws {
        var document = EntityTestSupport.document("Iran spoke.", marking: [("Iran", .location)])
        document.mentions.append(Mention(tokens: 5..<9, span: TextSpan(start: 0, end: 4), text: "Iran", type: .location))
        document.mentions.append(Mention(tokens: 1..<1, span: TextSpan(start: 5, end: 5), text: "", type: .location))
        let result = try EntityTestSupport.canonicalize(document)
        #expect(result.entities.map(\.name) == ["Iran"])
        #expect(result.mentions.count == 1)
    }
}
