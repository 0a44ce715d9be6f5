/// The entity types newsbus reports (DESIGN.md, "Contracts").
public enum EntityType: String, Hashable, Sendable, CaseIterable, Codable {
    /// People.
    case person = "PERSON"
    /// Companies, agencies, parties, armed groups, media outlets, …
    case organization = "ORGANIZATION"
    /// Countries, cities, regions.
    case location = "LOCATION"
    /// Nationalities, treaties, named events, …
    case misc = "MISC"

    /// The type for a CoNLL label (`PER`, `ORG`, `LOC`, `MISC`), or `nil`.
    public init?(conllLabel: some StringProtocol) {
        switch conllLabel {
        case "PER": self = .person
        case "ORG": self = .organization
        case "LOC": self = .location
        case "MISC": self = .misc
        default: return nil
        }
    }

    /// The CoNLL label for this type.
    public var conllLabel: String {
        switch self {
        case .person: "PER"
        case .organization: "ORG"
        case .location: "LOC"
        case .misc: "MISC"
        }
    }
}
