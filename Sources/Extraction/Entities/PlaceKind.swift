/// What a gazetteer alias names.
package enum PlaceKind: String, Hashable, Sendable, CaseIterable {
    /// A sovereign state or ISO 3166-1 territory ("Kazakhstan", "U.S.").
    case country
    /// A nationality adjective or demonym ("Saudi", "Israeli"); reported as MISC.
    case demonym
    /// A well-known city ("Riyadh", "Washington").
    case city
    /// A US state.
    case state
    /// A world region ("Middle East", "Central Asia").
    case region
    /// A sub-national or disputed territory ("Gaza", "Crimea").
    case territory
    /// A continent.
    case continent
    /// A sea, gulf or strait.
    case water
}
