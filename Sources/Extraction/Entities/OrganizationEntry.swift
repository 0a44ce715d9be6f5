/// A known organisation (news agencies, broadcasters, newspapers) and its home country.
package struct OrganizationEntry: Hashable, Sendable {
    /// Canonical name ("Associated Press" for "AP").
    package var name: String
    /// ISO 3166-1 alpha-2 code of its home country, or `nil`.
    package var country: String?

    /// Creates an entry.
    package init(name: String, country: String?) {
        self.name = name
        self.country = country
    }
}
