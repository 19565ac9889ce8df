/// Every entry of a corpus as a vector, and the embedder that puts queries in the same space.
///
/// An entry is embedded as its question alone and as its whole text (question and answer): a
/// learner's question often paraphrases the entry's question, while a problem or a task names
/// something only the answer talks about. An entry's similarity is the better of the two.
public struct SemanticIndex: Sendable {
    public let embedder: any TextEmbedder
    let vectors: EntryVectors

    /// `vectors` must hold `EntryVectors.passages(of:)` of the corpus, embedded by `embedder`.
    public init(embedder: any TextEmbedder, vectors: EntryVectors) {
        self.embedder = embedder
        self.vectors = vectors
    }

    /// The cosine of the query with each entry, in corpus order.
    func similarities(to query: String) -> [Double] {
        let queryVector = embedder.embed(query)
        return (0..<vectors.entryCount).map { entry in
            (0..<vectors.passagesPerEntry).map { passage in
                Double(Self.dot(queryVector, vectors.vector(entry: entry, passage: passage)))
            }.max() ?? 0
        }
    }

    static func dot(_ a: [Float], _ b: ArraySlice<Float>) -> Float {
        var sum: Float = 0
        var j = b.startIndex
        for value in a {
            sum += value * b[j]
            j += 1
        }
        return sum
    }
}
