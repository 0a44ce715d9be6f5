/// A batch of articles part-way through a ``Pipeline``: the documents still going, which article
/// of the batch each is, the articles that failed, and the stage to run next.
///
/// ``Pipeline/start(batch:)`` makes one, ``Pipeline/advance(_:)`` takes it through the stages a
/// step at a time (a tagger over the whole batch, another stage over a few documents), and
/// ``splitOff(_:)`` moves documents the current stage has not reached into a second batch, which
/// can go on elsewhere (another thread): every document gets the same annotations either way, as
/// the taggers tag a document of a batch as they tag it alone.
/// ``Pipeline/results(of:count:)`` puts the parts back together in the articles' order.
public struct BatchProgress: Sendable {
    /// The documents still in the batch, and for each its index among the articles.
    var documents: [Document] = []
    var owners: [Int] = []
    /// The articles that failed, by index.
    var failures: [(Int, ExtractionError)] = []
    /// The stage under way, and how many of the documents, from the first, it has been over.
    var stage = 0
    var done = 0
    /// The tagger forms of `documents`, while consecutive taggers run.
    var forms: BatchForms?

    /// Number of documents in the batch the current stage has not reached.
    public var waiting: Int { documents.count - done }

    /// Moves the last `count` documents the current stage has not reached (at most all of them)
    /// into a new batch at the same stage.
    public mutating func splitOff(_ count: Int) -> BatchProgress {
        let keep = documents.count - min(max(0, count), waiting)
        var part = BatchProgress()
        part.documents = Array(documents[keep...])
        part.owners = Array(owners[keep...])
        part.stage = stage
        documents.removeSubrange(keep...)
        owners.removeSubrange(keep...)
        forms = nil
        return part
    }
}
