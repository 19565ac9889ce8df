/// One ranked entry for a query.
public struct SearchHit: Sendable, Equatable {
    public let entry: Entry
    /// What the ranking sorts by: the lexical score alone, or the signals fused (see `Fusion`).
    public let score: Double
    /// The lexical scorer's own score (a TF-IDF cosine in 0...1, or BM25): what `/why` explains.
    public let lexicalScore: Double
    /// The cosine of the query's and the entry's sentence embeddings, when the semantic signal is on.
    public let semanticSimilarity: Double?
    /// The similarity is that of one of the corpus's phrasings of the entry (`Phrasings`), not of
    /// its own text.
    public let isThroughPhrasing: Bool
    /// That phrasing, when the searcher knows the corpus's phrasings.
    public let phrasing: String?
    /// How well the query's word pieces match the entry's, one by one (`EntryPieces`), when both have them.
    public let pieceScore: Double?

    public init(
        entry: Entry, score: Double, lexicalScore: Double? = nil, semanticSimilarity: Double? = nil, isThroughPhrasing: Bool = false,
        phrasing: String? = nil, pieceScore: Double? = nil
    ) {
        self.entry = entry
        self.score = score
        self.lexicalScore = lexicalScore ?? score
        self.semanticSimilarity = semanticSimilarity
        self.isThroughPhrasing = isThroughPhrasing
        self.phrasing = phrasing
        self.pieceScore = pieceScore
    }
}
