/// Hand-written (CC0) canonical names and aliases of international and well-known national
/// organisations whose short forms the data files do not tie to a name ("U.N." → "United Nations").
/// The actor codes come from the PETRARCH dictionaries through the canonical name or the alias.
enum KnownOrganizations {
    /// (canonical name, ISO alpha-2 home country or "" for international, aliases).
    static let entries: [(name: String, country: String, aliases: [String])] = [
        ("United Nations", "", ["UN", "U.N.", "the United Nations"]),
        (
            "UN Security Council", "",
            ["UNSC", "U.N. Security Council", "United Nations Security Council", "Security Council"]
        ),
        ("UN General Assembly", "", ["U.N. General Assembly", "United Nations General Assembly", "General Assembly"]),
        ("European Union", "", ["EU", "E.U."]),
        ("European Commission", "", ["EC"]),
        ("NATO", "", ["North Atlantic Treaty Organization", "N.A.T.O."]),
        ("World Health Organization", "", ["WHO"]),
        ("International Monetary Fund", "", ["IMF"]),
        ("World Bank", "", []),
        ("World Trade Organization", "", ["WTO"]),
        ("African Union", "", ["AU"]),
        ("Arab League", "", ["League of Arab States"]),
        ("Association of Southeast Asian Nations", "", ["ASEAN"]),
        ("OPEC", "", ["Organization of the Petroleum Exporting Countries"]),
        ("Gulf Cooperation Council", "", ["GCC"]),
        ("Shanghai Cooperation Organisation", "", ["SCO", "Shanghai Cooperation Organization"]),
        ("International Atomic Energy Agency", "", ["IAEA"]),
        ("International Criminal Court", "", ["ICC"]),
        ("International Court of Justice", "", ["ICJ"]),
        ("International Committee of the Red Cross", "", ["ICRC"]),
        ("Organization for Security and Co-operation in Europe", "", ["OSCE"]),
        ("Commonwealth of Independent States", "", ["CIS"]),
        ("Collective Security Treaty Organization", "", ["CSTO"]),
        ("Eurasian Economic Union", "", ["EAEU"]),
        ("UNICEF", "", ["United Nations Children's Fund"]),
        ("UNHCR", "", ["United Nations High Commissioner for Refugees", "UN refugee agency"]),
        ("UNRWA", "", ["United Nations Relief and Works Agency"]),
        ("Organisation of Islamic Cooperation", "", ["OIC", "Organization of Islamic Cooperation"]),
        ("Federal Bureau of Investigation", "US", ["FBI"]),
        ("Central Intelligence Agency", "US", ["CIA"]),
        ("Department of Justice", "US", ["Justice Department", "DOJ"]),
        ("State Department", "US", ["Department of State", "U.S. State Department"]),
        ("Pentagon", "US", ["Department of Defense", "Defense Department"]),
        ("White House", "US", []),
        ("Kremlin", "RU", []),
        ("Israel Defense Forces", "IL", ["IDF", "Israel Defence Forces"]),
    ]
}
