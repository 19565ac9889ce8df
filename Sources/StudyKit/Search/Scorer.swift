/// Turns index statistics into a relevance score per document for a query's terms.
///
/// Scorers read only the `InvertedIndex`, so TF-IDF and BM25 are interchangeable.
protocol Scorer: Sendable {
    /// Inverse document frequency by term id, as this scorer defines it.
    var idf: [Double] { get }
    /// The idf a term no document contains would have: the most specific a term can be.
    var unseenTermIDF: Double { get }
    /// Scores for every document that shares a term with the query, by walking those terms' postings.
    func scores(for query: [TermFrequency], in index: InvertedIndex) -> DocumentScores
    /// The weight a term carries in one document, for key terms and explanations.
    func weight(of term: TermFrequency, inDocument document: Int, of index: InvertedIndex) -> Double
    /// A raw score mapped into 0...1, so one confidence threshold reads every scorer.
    func normalized(_ score: Double, for query: [TermFrequency]) -> Double
}

extension TFIDFScorer {
    /// A cosine is already in 0...1.
    func normalized(_ score: Double, for query: [TermFrequency]) -> Double { score }
}

extension BM25Scorer {
    func normalized(_ score: Double, for query: [TermFrequency]) -> Double {
        let ceiling = ceiling(for: query)
        return ceiling > 0 ? score / ceiling : 0
    }
}
