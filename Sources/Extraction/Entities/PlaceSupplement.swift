/// Hand-written (CC0) English news forms the gazetteer data lacks: the everyday name of a country
/// whose data name changed ("Turkey"), short demonyms ("Uzbek"), and towns that are often in the
/// news but under the city-size cut or spelled differently in GeoNames ("Rafah", "Kiev").
enum PlaceSupplement {
    /// (alias, canonical name, kind, ISO alpha-2 code).
    static let entries: [(alias: String, name: String, kind: PlaceKind, country: String)] = [
        ("Turkey", "Türkiye", .country, "TR"), ("Cabo Verde", "Cape Verde", .country, "CV"),
        ("Uzbek", "Uzbek", .demonym, "UZ"), ("Kyrgyz", "Kyrgyz", .demonym, "KG"), ("Tajik", "Tajik", .demonym, "TJ"),
        ("Turks", "Turkish", .demonym, "TR"), ("Argentinian", "Argentinian", .demonym, "AR"),
        ("Scottish", "Scottish", .demonym, "GB"), ("Welsh", "Welsh", .demonym, "GB"),
        ("Washington DC", "Washington", .city, "US"), ("Washington D.C.", "Washington", .city, "US"),
        ("Kiev", "Kyiv", .city, "UA"), ("Odessa", "Odesa", .city, "UA"), ("Mariupol", "Mariupol", .city, "UA"),
        ("Bakhmut", "Bakhmut", .city, "UA"), ("St. Petersburg", "Saint Petersburg", .city, "RU"),
        ("Kuwait City", "Kuwait City", .city, "KW"), ("Geneva", "Geneva", .city, "CH"),
        ("Mecca", "Mecca", .city, "SA"), ("Medina", "Medina", .city, "SA"), ("Rafah", "Rafah", .city, "PS"),
        ("Khan Younis", "Khan Younis", .city, "PS"), ("Ramallah", "Ramallah", .city, "PS"),
        ("Hebron", "Hebron", .city, "PS"), ("Jenin", "Jenin", .city, "PS"), ("Nablus", "Nablus", .city, "PS"),
        ("Basra", "Basra", .city, "IQ"), ("Idlib", "Idlib", .city, "SY"), ("Misrata", "Misrata", .city, "LY"),
        ("El Fasher", "El Fasher", .city, "SD"),
    ]
}
