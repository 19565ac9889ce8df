import Foundation

/// Okapi BM25 as Lucene defines it: idf `ln(1 + (n − df + 0.5) / (df + 0.5))`, term frequency
/// saturating with `k1`, length normalisation with `b`.
///
/// Kept beside TF-IDF for comparison (`--scorer bm25`); docs/retrieval-quality.md says which wins.
struct BM25Scorer: Scorer {
    let k1: Double
    let b: Double
    let idf: [Double]
    let lengths: [Double]
    let averageLength: Double

    init(index: InvertedIndex, k1: Double = 1.2, b: Double = 0.75) {
        self.k1 = k1
        self.b = b
        let n = Double(index.documentCount)
        idf = index.postings.map { log(1 + (n - Double($0.count) + 0.5) / (Double($0.count) + 0.5)) }
        lengths = index.documentLengths
        averageLength = max(index.averageDocumentLength, 1)
        unseenTermIDF = log(1 + (n + 0.5) / 0.5)
    }

    let unseenTermIDF: Double

    func scores(for query: [TermFrequency], in index: InvertedIndex) -> DocumentScores {
        var scores = DocumentScores(documentCount: index.documentCount)
        for term in query {
            for posting in index.postings[Int(term.term)] {
                scores.add(term.frequency * termScore(term.term, posting.frequency, Int(posting.document)), to: posting.document)
            }
        }
        return scores
    }

    func weight(of term: TermFrequency, inDocument document: Int, of index: InvertedIndex) -> Double {
        termScore(term.term, term.frequency, document)
    }

    /// A query's score against an ideal document (every term with unbounded frequency), so a
    /// score divided by it lies in 0...1 like a cosine.
    func ceiling(for query: [TermFrequency]) -> Double {
        query.reduce(0) { $0 + $1.frequency * idf[Int($1.term)] * (k1 + 1) }
    }

    func termScore(_ term: Int32, _ frequency: Double, _ document: Int) -> Double {
        let norm = k1 * (1 - b + b * lengths[document] / averageLength)
        return idf[Int(term)] * frequency * (k1 + 1) / (frequency + norm)
    }
}
