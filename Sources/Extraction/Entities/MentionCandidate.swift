/// A mention on its way to becoming part of an entity: trimmed, with the title in front of it and
/// what the tables say about it.
struct MentionCandidate {
    /// The mention, trimmed of titles, determiners and possessives.
    var mention: Mention
    /// The title right before the name (inside or outside the tagger's span), if any.
    var title: TitleEntry?
    /// Whether the title is qualified as past ("former President X").
    var titleIsPast = false
    /// First token of the title (or of the mention when there is none).
    var contextStart: Int
    /// What the tables say the mention is, if they know it.
    var resolution: Resolution?

    /// Lower-cased token keys of the name, for matching short forms against full names.
    var nameKeys: [String] = []
}

/// A mention identified through the tables.
struct Resolution: Hashable {
    /// Canonical name.
    var name: String
    /// Corrected type.
    var type: EntityType
    /// ISO alpha-2 country, if known.
    var country: String?
    /// CAMEO actor code, if known.
    var actorCode: String?
    /// The gazetteer kind, when the mention is a place or demonym.
    var placeKind: PlaceKind? = nil
    /// Whether `name` comes from a table (else it is the mention as written).
    var isCanonicalName = true
}
