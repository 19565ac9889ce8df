/// The answer to one query: ranked hits and whether the best of them is trustworthy.
public struct SearchResult: Sendable, Equatable {
    /// The query as searched: the first `Searcher.queryLimit` characters of what was typed.
    public let query: String
    /// True when the typed query was longer than `Searcher.queryLimit` and was cut.
    public let queryWasCut: Bool
    /// The query as searched after spelling correction, when a word was corrected.
    public let correctedQuery: String?
    public let hits: [SearchHit]
    /// False when the corpus does not cover the query well: the hits are only the nearest entries.
    public let confident: Bool
    /// The best hit's score mapped into 0...1 (see `Scorer.normalized`), which confidence reads.
    public let bestScore: Double
    /// The share of the query's information the best entry contains (see `Searcher.coverage`).
    public let coverage: Double
    /// The entry's match in meaning that says most for the corpus covering the question (the
    /// highest `SemanticMatch.evidence`), when the semantic signal is on.
    public let bestMatch: SemanticMatch?
    /// How close in meaning the corpus comes to the question: a cosine of sentence embeddings,
    /// or a learner's phrasing's less its discount.
    public var bestSimilarity: Double? { bestMatch?.evidence }
    /// How close the query comes to the closest question the corpus does not answer
    /// (`Phrasings.uncovered`), when it lists any: its cosine less the phrasing discount, so that it
    /// compares with `bestSimilarity` as one question with another.
    public let uncoveredEvidence: Double?
    /// That question, when the searcher knows the corpus's phrasings.
    public let uncoveredQuestion: String?
    /// How the query was corrected, expanded and weighted, for `/why`.
    public let analysis: QueryAnalysis
}
