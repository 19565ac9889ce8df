/// The read side of the index: term → term id → postings, plus each document's own term list.
///
/// Holds raw (field-weighted) term frequencies and document frequencies only; a `Scorer` turns them
/// into TF-IDF or BM25 weights, so the same index serves either.
struct InvertedIndex: Sendable, Equatable {
    let terms: [String]
    let termIDs: [String: Int32]
    let postings: [[Posting]]
    /// Forward index, sorted by term id: used for key terms, related entries and explanations.
    let documents: [[TermFrequency]]
    /// Sum of a document's field-weighted frequencies, for length normalisation (BM25).
    let documentLengths: [Double]

    var documentCount: Int { documents.count }
    var averageDocumentLength: Double {
        documentLengths.isEmpty ? 0 : documentLengths.reduce(0, +) / Double(documentLengths.count)
    }

    func termID(_ term: String) -> Int32? { termIDs[term] }

    func documentFrequency(_ term: Int32) -> Int { postings[Int(term)].count }
}
