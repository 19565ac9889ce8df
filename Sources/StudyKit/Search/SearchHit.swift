/// One ranked entry for a query.
public struct SearchHit: Sendable, Equatable {
    public let entry: Entry
    /// Cosine similarity in 0...1 (TF-IDF), or the scorer's own scale.
    public let score: Double
}
