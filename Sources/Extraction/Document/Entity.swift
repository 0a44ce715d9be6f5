/// A canonical entity: all mentions of one person, organisation, place or thing in an article.
public struct Entity: Hashable, Sendable {
    /// Stable id within the document (`e1`, `e2`, … in order of first mention).
    public var id: String
    /// Canonical name ("Kassym-Jomart Tokayev", "United States").
    public var name: String
    /// The entity's type.
    public var type: EntityType
    /// ISO 3166-1 alpha-2 code where known (the country itself, or the country of a city or person).
    public var country: String?
    /// CAMEO actor code where known (`KAZGOV`, `USA`, `PSEREBHMS`), used by the event coder.
    public var actorCode: String?
    /// Indices into `Document.mentions`, in text order.
    public var mentions: [Int]

    /// Creates an entity.
    public init(
        id: String, name: String, type: EntityType, country: String? = nil, actorCode: String? = nil,
        mentions: [Int] = []
    ) {
        self.id = id
        self.name = name
        self.type = type
        self.country = country
        self.actorCode = actorCode
        self.mentions = mentions
    }
}
