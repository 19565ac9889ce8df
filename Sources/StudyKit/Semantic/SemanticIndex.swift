/// Every entry of a corpus as passage vectors, and the embedder that puts queries in the same
/// space. An entry's closeness to a query is that of its closest passage (see
/// `EntryVectors.passages(of:phrasings:)` and `SemanticMatch`).
public struct SemanticIndex: Sendable {
    public let embedder: any TextEmbedder
    let vectors: EntryVectors
    /// What a phrasing's cosine counts less than one with the entry's own text when it is
    /// evidence that the corpus covers a query.
    public let phrasingDiscount: Double

    /// Two questions are closer than a question and an answer: the words of asking ("how do I …
    /// in django") bring them together whatever they are about. Chosen on the dev split, where
    /// `docs/retrieval-quality.md` compares it with 0, 0.05 and 0.15.
    public static let standardPhrasingDiscount = 0.1

    /// `vectors` must hold `EntryVectors.passages(of:phrasings:)` of the corpus, embedded by `embedder`.
    public init(embedder: any TextEmbedder, vectors: EntryVectors, phrasingDiscount: Double = standardPhrasingDiscount) {
        self.embedder = embedder
        self.vectors = vectors
        self.phrasingDiscount = phrasingDiscount
    }

    /// Whether the corpus's phrasings of its entries are among the passages.
    var hasEntryPhrasings: Bool { vectors.kinds.contains(.phrasing) }

    /// Whether the questions the corpus does not answer are among the passages.
    var hasUncovered: Bool { vectors.kinds.contains(.uncovered) }

    /// The same index without the phrasings: what the corpus's own text alone finds.
    var withoutPhrasings: SemanticIndex {
        SemanticIndex(embedder: embedder, vectors: vectors.keeping { $0 == .question || $0 == .answer }, phrasingDiscount: phrasingDiscount)
    }

    /// The same index without matching word piece by word piece.
    var withoutPieces: SemanticIndex {
        let vectors = EntryVectors(
            entryCount: vectors.entryCount, dimension: vectors.dimension, owners: vectors.owners, kinds: vectors.kinds, values: vectors.values)
        return SemanticIndex(embedder: embedder, vectors: vectors, phrasingDiscount: phrasingDiscount)
    }

    /// The same index without the questions the corpus lists as ones it does not answer.
    var withoutUncovered: SemanticIndex {
        SemanticIndex(embedder: embedder, vectors: vectors.keeping { $0 != .uncovered }, phrasingDiscount: phrasingDiscount)
    }

    func withPhrasingDiscount(_ discount: Double) -> SemanticIndex {
        SemanticIndex(embedder: embedder, vectors: vectors, phrasingDiscount: discount)
    }

    /// How close a query comes in meaning to the corpus.
    struct Matches {
        /// Each entry's match, in corpus order.
        let entries: [SemanticMatch]
        /// The closest question the corpus does not answer, as evidence (nil when it lists none):
        /// its cosine less `phrasingDiscount`, since it too is a question.
        let uncoveredEvidence: Double?
        /// Which of those questions it is (its place in `Phrasings.uncovered`).
        let closestUncovered: Int?
        /// Each entry's piece-by-piece score (`EntryPieces`), in corpus order; nil when the
        /// corpus or the query has no word pieces.
        let pieceScores: [Double]?
    }

    func matches(to query: String) -> Matches {
        matches(to: embedder.encode(query))
    }

    func matches(to encoding: TextEncoding) -> Matches {
        matches(to: encoding, pieceScores: vectors.pieces.scores(for: encoding))
    }

    /// The matches of several queries, their word pieces matched together.
    func matches(to encodings: [TextEncoding]) -> [Matches] {
        zip(encodings, vectors.pieces.scores(for: encodings)).map(matches(to:pieceScores:))
    }

    private func matches(to encoding: TextEncoding, pieceScores: [Double]?) -> Matches {
        let vector = encoding.sentence
        var text = [Double](repeating: -1, count: vectors.entryCount)
        var phrasing = [Double?](repeating: nil, count: vectors.entryCount)
        var closestPhrasing = [Int?](repeating: nil, count: vectors.entryCount)
        var phrasingsSeen = [Int](repeating: 0, count: vectors.entryCount)
        var uncovered: Double?
        var closestUncovered: Int?
        var uncoveredSeen = 0
        for (passage, owner) in vectors.owners.enumerated() {
            let cosine = cosine(vector, passage: passage)
            let entry = Int(owner)
            switch vectors.kinds[passage] {
            case .question, .answer:
                text[entry] = max(text[entry], cosine)
            case .phrasing:
                if cosine > phrasing[entry] ?? -.infinity { (phrasing[entry], closestPhrasing[entry]) = (cosine, phrasingsSeen[entry]) }
                phrasingsSeen[entry] += 1
            case .uncovered:
                if cosine > uncovered ?? -.infinity { (uncovered, closestUncovered) = (cosine, uncoveredSeen) }
                uncoveredSeen += 1
            }
        }
        let entries = text.indices.map {
            SemanticMatch(
                textCosine: text[$0], phrasingCosine: phrasing[$0], phrasingDiscount: phrasingDiscount, closestPhrasing: closestPhrasing[$0])
        }
        return Matches(
            entries: entries, uncoveredEvidence: uncovered.map { $0 - phrasingDiscount }, closestUncovered: closestUncovered,
            pieceScores: pieceScores)
    }

    /// The cosine of `text` with the answer of the entry at `position`: the best over its passages
    /// with answer text (not its bare question, which a wrong answer may well restate, nor the
    /// ways learners ask for it).
    func similarity(of text: String, toAnswerOf position: Int) -> Double {
        let vector = embedder.embed(text)
        let passages = vectors.owners.indices.filter { Int(vectors.owners[$0]) == position && vectors.kinds[$0] == .answer }
        return passages.map { cosine(vector, passage: $0) }.max() ?? 0
    }

    /// The cosine of `text` with each entry's answer, the best over its answer passages, in corpus
    /// order: how close an answer comes to its own entry beside how close it comes to the others.
    func answerCosines(of vector: [Float]) -> [Double] {
        var best = [Double](repeating: -1, count: vectors.entryCount)
        for (passage, owner) in vectors.owners.enumerated() where vectors.kinds[passage] == .answer {
            best[Int(owner)] = max(best[Int(owner)], cosine(vector, passage: passage))
        }
        return best
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
