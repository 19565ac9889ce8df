/// Every entry of a corpus as passage vectors, and the embedder that puts queries in the same
/// space. An entry's similarity to a query is that of its closest passage (see
/// `EntryVectors.passages(of:)`).
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
        let vector = embedder.embed(query)
        var best = [Double](repeating: -1, count: vectors.entryCount)
        for (passage, owner) in vectors.owners.enumerated() {
            best[Int(owner)] = max(best[Int(owner)], cosine(vector, passage: passage))
        }
        return best
    }

    /// The cosine of `text` with the answer of the entry at `position`: the best over its passages
    /// with answer text (not its bare question, which a wrong answer may well restate).
    func similarity(of text: String, toAnswerOf position: Int) -> Double {
        let vector = embedder.embed(text)
        let passages = vectors.owners.indices.filter { Int(vectors.owners[$0]) == position }.dropFirst()
        return passages.map { cosine(vector, passage: $0) }.max() ?? 0
    }

    private func cosine(_ vector: [Float], passage: Int) -> Double {
        Double(Self.dot(vector, vectors.vector(passage: passage)))
    }

    static func dot(_ a: [Float], _ b: ArraySlice<Float>) -> Float {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                var sum: Float = 0
                for index in 0..<min(a.count, b.count) { sum += a[index] * b[index] }
                return sum
            }
        }
    }
}
