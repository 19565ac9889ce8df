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
        let queryVector = embedder.embed(query)
        var best = [Double](repeating: -1, count: vectors.entryCount)
        for (passage, owner) in vectors.owners.enumerated() {
            let similarity = Double(Self.dot(queryVector, vectors.vector(passage: passage)))
            if similarity > best[Int(owner)] { best[Int(owner)] = similarity }
        }
        return best
    }

    /// The cosine of `text` with every entry's answer, in corpus order: the best over the entry's
    /// passages with answer text (not its bare question, which a wrong answer may well restate).
    func answerSimilarities(of text: String) -> [Double] {
        let vector = embedder.embed(text)
        var best = [Double](repeating: -1, count: vectors.entryCount)
        var seen = Set<Int32>()
        for (passage, owner) in vectors.owners.enumerated() where !seen.insert(owner).inserted {
            best[Int(owner)] = max(best[Int(owner)], Double(Self.dot(vector, vectors.vector(passage: passage))))
        }
        return best
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
