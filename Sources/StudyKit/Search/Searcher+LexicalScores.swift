extension Searcher {
    /// The ranking's scores for `vector`, and the best TF-IDF cosine, which confidence reads
    /// whatever ranks (its thresholds were set on that scale): one walk over the postings for
    /// both, since on a large corpus the walk is most of a question's time. Each is summed in the
    /// order its own scorer sums it.
    func lexicalScores(for vector: [TermFrequency]) -> (ranking: DocumentScores, bestCosine: Double) {
        guard let bm25 = ranking as? BM25Scorer else {
            let cosines = scorer.scores(for: vector, in: index)
            return (cosines, cosines.best ?? 0)
        }
        var scores = DocumentScores(documentCount: index.documentCount)
        var cosines = [Double](repeating: 0, count: index.documentCount)
        let cosineWeights = scorer.normalizedQueryWeights(vector)
        for (position, term) in vector.enumerated() {
            let cosineWeight = cosineWeights.isEmpty ? 0 : cosineWeights[position].1
            let idf = scorer.idf[Int(term.term)]
            for posting in index.postings[Int(term.term)] {
                let document = Int(posting.document)
                scores.add(term.frequency * bm25.termScore(term.term, posting.frequency, document), to: posting.document)
                let norm = scorer.norms[document]
                if norm > 0 { cosines[document] += cosineWeight * posting.frequency * idf / norm }
            }
        }
        let best = cosineWeights.isEmpty ? 0 : scores.matched.lazy.map { cosines[Int($0)] }.max() ?? 0
        return (scores, best)
    }
}
