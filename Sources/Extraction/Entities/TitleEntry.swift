/// A title or honorific that may precede a person's name ("President", "Crown Prince", "Mr.").
package struct TitleEntry: Hashable, Sendable {
    /// The title as written in the table.
    package var phrase: String
    /// Category from the table (`executive`, `honorific`, `military`, …).
    package var category: String
    /// CAMEO agent code the title suggests (`GOV`, `MIL`, …), or `nil`.
    package var agent: String?

    /// Creates an entry.
    package init(phrase: String, category: String, agent: String?) {
        self.phrase = phrase
        self.category = category
        self.agent = agent
    }
}
