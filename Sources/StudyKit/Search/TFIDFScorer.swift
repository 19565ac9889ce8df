import Foundation

/// Cosine similarity of TF-IDF vectors, defined exactly as scikit-learn's `TfidfVectorizer` does
/// with its defaults: raw term counts, smooth idf `ln((1 + n) / (1 + df)) + 1`, L2-normalised rows.
///
/// Matching scikit-learn lets a committed fixture check every weight and cosine.
struct TFIDFScorer: Scorer {
    let idf: [Double]
    /// Each document's L2 norm of tf·idf, so a posting's weight is `tf · idf / norm`.
    let norms: [Double]
    let unseenTermIDF: Double

    init(index: InvertedIndex) {
        let n = Double(index.documentCount)
        unseenTermIDF = log(1 + n) + 1
        let idf = index.postings.map { log((1 + n) / (1 + Double($0.count))) + 1 }
        self.idf = idf
        norms = index.documents.map { terms in
            sqrt(
                terms.reduce(0) { sum, term in
                    let weight = term.frequency * idf[Int(term.term)]
                    return sum + weight * weight
                })
        }
    }

    func scores(for query: [TermFrequency], in index: InvertedIndex) -> DocumentScores {
        let queryWeights = normalizedQueryWeights(query)
        var scores = DocumentScores(documentCount: index.documentCount)
        for (term, queryWeight) in queryWeights {
            let idf = self.idf[Int(term)]
            for posting in index.postings[Int(term)] {
                let norm = norms[Int(posting.document)]
                guard norm > 0 else { continue }
                scores.add(queryWeight * posting.frequency * idf / norm, to: posting.document)
            }
        }
        return scores
    }

    func weight(of term: TermFrequency, inDocument document: Int, of index: InvertedIndex) -> Double {
        let norm = norms[document]
        return norm > 0 ? term.frequency * idf[Int(term.term)] / norm : 0
    }

    /// The query's own L2-normalised tf·idf vector.
    func normalizedQueryWeights(_ query: [TermFrequency]) -> [(Int32, Double)] {
        let raw = query.map { ($0.term, $0.frequency * idf[Int($0.term)]) }
        let norm = sqrt(raw.reduce(0) { $0 + $1.1 * $1.1 })
        guard norm > 0 else { return [] }
        return raw.map { ($0.0, $0.1 / norm) }
    }
}
