/// Words that keep their final period ("Oct.", "Mr.", "Gov.").
enum Abbreviations {
    static let words: Set<String> = [
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr",
        "Adm", "Sgt", "Cpl", "Pvt", "Rev", "Hon", "Pres", "Amb", "Supt", "Insp", "Atty", "Det",
        "St", "Ave", "Blvd", "Rd", "Mt", "Ft", "Sr", "Jr", "Inc", "Corp", "Ltd", "Co", "Bros", "Cos",
        "No", "Nos", "Vol", "vs", "etc", "approx", "est", "Dept", "Univ", "Assn", "Govt",
        "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky",
        "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa",
        "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo",
    ]

    /// Whether `word` (without its period) is a known abbreviation.
    static func isAbbreviation(_ word: String) -> Bool {
        words.contains(word)
    }
}
