/// The kinds of names a gazetteer entry can be; one entry may be several kinds at once.
public enum GazetteerCategory: Int, CaseIterable, Sendable {
    case country, demonym, city, region, givenName, surname, leaderGivenName
    case actorPerson, actorOrganization, actorCountry, organizationWord, organizationPrefix
    case personTitle, newsOrganization

    /// The category's bit in an entry's mask.
    var bit: UInt16 { 1 << UInt16(rawValue) }
}
