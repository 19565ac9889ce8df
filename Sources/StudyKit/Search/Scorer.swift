/// Turns index statistics into a relevance score per document for a query's terms.
///
/// Scorers read only the `InvertedIndex`, so TF-IDF and BM25 (or another) are interchangeable.
protocol Scorer: Sendable {
    /// Scores for every document that shares a term with the query, by walking those terms' postings.
    func scores(for query: [TermFrequency], in index: InvertedIndex) -> [Int32: Double]
    /// The weight a term carries in one document, for key terms and explanations.
    func weight(of term: TermFrequency, inDocument document: Int, of index: InvertedIndex) -> Double
}
