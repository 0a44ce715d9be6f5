/// One gazetteer alias and the place it names.
package struct PlaceEntry: Hashable, Sendable {
    /// The alias exactly as the source writes it (used for case-sensitive fallback matching).
    package var alias: String
    /// Canonical name ("United States" for "U.S.").
    package var name: String
    /// What the alias names.
    package var kind: PlaceKind
    /// ISO 3166-1 alpha-2 code of the country, when the place lies in exactly one.
    package var country: String?
    /// CAMEO code (country code such as `USA`, or region code such as `MEA`).
    package var code: String?
    /// Whether the alias is unambiguous enough to add as a mention the tagger missed.
    package var allowsFallback: Bool

    /// Creates an entry.
    package init(
        alias: String, name: String, kind: PlaceKind, country: String?, code: String?, allowsFallback: Bool
    ) {
        self.alias = alias
        self.name = name
        self.kind = kind
        self.country = country
        self.code = code
        self.allowsFallback = allowsFallback
    }
}
