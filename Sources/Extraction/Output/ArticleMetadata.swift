/// What the output says about the article itself (the `article` object of the extract JSON).
public struct ArticleMetadata: Hashable, Sendable {
    /// Article id (from the input, or the file name).
    public var id: String
    /// Title, or `nil` when the input has none.
    public var title: String?
    /// Publication date, or `nil` when unknown.
    public var date: CalendarDate?
    /// Source (publisher or feed), or `nil` when unknown.
    public var source: String?

    /// Creates the metadata.
    public init(id: String, title: String?, date: CalendarDate?, source: String?) {
        self.id = id
        self.title = title
        self.date = date
        self.source = source
    }
}
