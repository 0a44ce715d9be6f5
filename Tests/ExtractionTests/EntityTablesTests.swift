import Testing

@testable import Extraction

/// The table format, the dated actor codes and the builder on tiny hand-made sources.
@Suite("Entity tables")
struct EntityTablesTests {
    static let countries = """
        iso2\tiso3\tisonum\tcameo\tioc\tfips\tname\tofficial_name\talt_names\tdemonyms\tcapitals\tregion\tsubregion\tcontinent\tpopulation\tindependent\tun_member\tiso_status
        US\tUSA\t840\tUSA\tUSA\tUS\tUnited States\tUnited States of America\tAmerica|U.S.\tAmerican\tWashington\tAmericas\tNorth America\tNA\t327167434\t1\t1\tx
        MP\tMNP\t580\tMNP\t\tCQ\tNorthern Mariana Islands\tCommonwealth of the Northern Mariana Islands\t\tAmerican\tSaipan\tOceania\tMicronesia\tOC\t56882\t0\t0\tx
        JO\tJOR\t400\tJOR\tJOR\tJO\tJordan\tHashemite Kingdom of Jordan\t\tJordanian\tAmman\tAsia\tWestern Asia\tAS\t9956011\t1\t1\tx
        GE\tGEO\t268\tGEO\tGEO\tGG\tGeorgia\tGeorgia\t\tGeorgian\tTbilisi\tAsia\tWestern Asia\tAS\t3731000\t1\t1\tx
        """
    static let aliases =
        "alias\tiso3\tiso2\ttype\tsource\nAmericans\tUSA\tUS\tdemonym_plural\tgenerated\nUS\tUSA\tUS\tabbrev\tsupplement\n"
    static let cities = """
        geonameid\tname\tascii_name\tcountry_iso2\tadmin1\tpopulation\tlat\tlon\ttimezone\tis_capital\talt_names
        1\tWashington\t\tUS\tDC\t689545\t0\t0\tx\t1\t
        2\tAmman\t\tJO\t02\t1275857\t0\t0\tx\t1\t
        3\tSmallville\t\tUS\tKS\t1000\t0\t0\tx\t0\t
        """
    static let regions = "name\taliases\ttype\tcameo_region\tiso3\nMiddle East\tMideast\tregion\tMEA\tJOR\n"
    static let states =
        "code\tname\tfips\tap_abbrev\tcapital\ttype\tgeonameid\nGA\tGeorgia\t13\tGa.\tAtlanta\tstate\t1\nWA\tWashington\t53\tWash.\tOlympia\tstate\t2\n"
    static let actors = """
        file\tentry\tkind\tphrase\tcodes\tline
        a\t1\tprimary\tWHITE HOUSE\tUSAGOV\t1
        a\t2\tprimary\tJANE ROE\tUSAGOV:20010101-20041231;USAELI\t2
        a\t3\tprimary\tBROKEN\t---\t3
        """
    static let titles = "title\tcategory\tcameo_agent_hint\nPresident\texecutive\tGOV\nMr.\thonorific\t\n"
    static let organizations = "name\taliases\ttype\tiso3\nAssociated Press\tAP\tagency\tUSA\n"
    static let givenNames = "name\tsex\tfreq_pct\tcum_pct\trank\nJordan\tM\t0.1\t1\t262\n"
    static let surnames = "name\tfreq_pct\tcum_pct\trank\nSmith\t1\t1\t1\n"

    static func sources() throws -> EntityTableSources {
        try #require(
            EntityTableSources(contents: [
                countries, aliases, cities, regions, states, actors, titles, organizations, givenNames, surnames,
            ]))
    }

    @Test(
        "the builder resolves alias collisions by kind, then population",
        arguments: [
            ("American", "American", PlaceKind.demonym, "US"), ("Americans", "American", .demonym, "US"),
            ("U.S.", "United States", .country, "US"), ("US", "United States", .country, "US"),
            ("Georgia", "Georgia", .country, "GE"), ("Washington", "Washington", .city, "US"),
            ("Mideast", "Middle East", .region, nil),
        ] as [(String, String, PlaceKind, String?)])
    func collisions(alias: String, name: String, kind: PlaceKind, country: String?) throws {
        let tables = try EntityTableBuilder.build(try Self.sources()).tables
        let place = try #require(tables.place(alias))
        #expect(place.name == name)
        #expect(place.kind == kind)
        #expect(place.country == country)
    }

    @Test("small towns are left out and person-like names never fall back")
    func filtering() throws {
        let tables = try EntityTableBuilder.build(try Self.sources()).tables
        #expect(tables.place("Smallville") == nil)
        #expect(tables.fallbackPlaces["Jordan"] == nil)
        #expect(tables.fallbackPlaces["Amman"] != nil)
        #expect(tables.fallbackPlaces["United States"] != nil)
    }

    @Test("serialized tables load back to the same lookups")
    func roundTrip() throws {
        let output = try EntityTableBuilder.build(try Self.sources())
        #expect(output.files.map(\.name) == EntityTables.fileNames)
        let loaded = try EntityTables(
            places: output.files[0].text, actors: output.files[1].text, lexicon: output.files[2].text)
        #expect(loaded.places == output.tables.places)
        #expect(loaded.actors == output.tables.actors)
        #expect(loaded.titles == output.tables.titles)
        #expect(loaded.organizations["ap"] == OrganizationEntry(name: "Associated Press", country: "US"))
        #expect(loaded.actors["broken"] == nil)
    }

    @Test(
        "actor codes follow their date ranges",
        arguments: [
            ("USAGOV:20010101-20041231;USAELI", "2003-05-01", "USAGOV"),
            ("USAGOV:20010101-20041231;USAELI", "2005-01-01", "USAELI"),
            ("USAGOV:20010101-20041231;USAELI", nil, "USAELI"),
            ("UZBGOV:>20031211;UZBELI", "2003-12-11", "UZBGOV"),
            ("UZBGOV:>20031211;UZBELI", "2003-12-10", "UZBELI"),
            ("IRQ:<20030320;IRQOCC:1920030320-20060520;IRQ:>20060520", "2010-01-01", "IRQ"),
            ("TKMGOV:>20070101", nil, "TKMGOV"),
            ("TKMGOV:>20070101", "2000-01-01", nil),
        ] as [(String, String?, String?)])
    func datedCodes(cell: String, date: String?, code: String?) {
        let entry = ActorEntry(parsing: cell)
        #expect(entry.code(on: date.flatMap { CalendarDate(iso: $0) }) == code)
        #expect(ActorEntry(parsing: entry.serialized) == entry)
    }

    @Test("a table without its header columns is reported", arguments: [0, 1, 2])
    func malformed(file: Int) {
        var texts = [
            "alias\tname\tkind\tiso2\tcode\tfallback\n", "phrase\tcodes\n", "phrase\tkind\tdetail\tiso2\tcode\n",
        ]
        texts[file] = "nothing\n"
        #expect(throws: ExtractionError.self) {
            try EntityTables(places: texts[0], actors: texts[1], lexicon: texts[2])
        }
    }

    @Test(
        "names are keyed without case, periods or curly quotes",
        arguments: [
            ("U.S.", "us"), ("Hamas’s", "hamas's"), ("  White   House ", "white house"),
            ("KASSYM-JOMART", "kassym-jomart"),
        ])
    func keys(text: String, key: String) {
        #expect(NameKey.of(text) == key)
    }
}
