/// How close a query comes in meaning to one entry: to the entry's own text (its question, its
/// answer), and to the closest of the ways learners ask for it (`Phrasings`), when it has any.
public struct SemanticMatch: Sendable, Equatable {
    public let text: Double
    public let phrasing: Double?

    /// What ranks the entry: the closer of the two.
    public var closeness: Double { max(text, phrasing ?? -1) }

    /// What says the corpus covers the query: a phrasing counts `SemanticIndex.phrasingDiscount`
    /// less, since questions resemble each other more than they resemble answers.
    public var evidence: Double { max(text, (phrasing ?? -1) - SemanticIndex.phrasingDiscount) }

    /// The entry was found through how learners ask for it rather than through its own text.
    public var isThroughPhrasing: Bool { (phrasing ?? -1) > text }
}
