/// The write side of the index: collects each document's terms, then freezes them into an `InvertedIndex`.
struct IndexBuilder {
    private var termIDs: [String: Int32] = [:]
    private var terms: [String] = []
    private var postings: [[Posting]] = []
    private var documents: [[TermFrequency]] = []
    private var lengths: [Double] = []

    /// Adds the next document (its id is the number of documents added before it).
    ///
    /// - Parameter weightedTerms: each field's terms with that field's weight; a term occurring
    ///   in a field of weight 2 counts as two occurrences.
    mutating func add(_ weightedTerms: [(terms: [String], weight: Double)]) {
        let document = Int32(documents.count)
        var frequencies: [Int32: Double] = [:]
        for field in weightedTerms {
            for term in field.terms { frequencies[id(for: term), default: 0] += field.weight }
        }
        let sorted = frequencies.sorted { $0.key < $1.key }.map { TermFrequency(term: $0.key, frequency: $0.value) }
        for entry in sorted { postings[Int(entry.term)].append(Posting(document: document, frequency: entry.frequency)) }
        documents.append(sorted)
        lengths.append(sorted.reduce(0) { $0 + $1.frequency })
    }

    private mutating func id(for term: String) -> Int32 {
        if let id = termIDs[term] { return id }
        let id = Int32(terms.count)
        termIDs[term] = id
        terms.append(term)
        postings.append([])
        return id
    }

    func build() -> InvertedIndex {
        InvertedIndex(terms: terms, termIDs: termIDs, postings: postings, documents: documents, documentLengths: lengths)
    }
}
