/// How the lexical and the semantic signal are combined into one ranking (hybrid retrieval).
public enum Fusion: Sendable, Equatable {
    /// Normalised linear fusion: `lexicalWeight · lexical + pieceWeight · pieces + (1 −
    /// lexicalWeight − pieceWeight) · cosine`, with the lexical score on its absolute 0...1 scale
    /// (`Scorer.normalized`: BM25 over its ceiling) and `pieces` the word-piece match
    /// (`EntryPieces`; the cosine stands in for it where there is none). An absolute scale, not
    /// one relative to the best entry, lets a strong exact match outvote a vague likeness in
    /// meaning, and a weak one count for little.
    case linear(lexicalWeight: Double, pieceWeight: Double = 0)
    /// Reciprocal-rank fusion: Σ 1 / (k + rank) over the lexical and the cosine rankings; ignores
    /// score gaps, and the word pieces.
    case reciprocalRank(k: Double)

    /// The default, chosen on the dev splits of the three evaluation corpora (docs/retrieval-quality.md):
    /// the best mean top-1 over the built-in corpus and the two foreign ones without their
    /// phrasings, as the issues measure them.
    public static let standard = Fusion.linear(lexicalWeight: 0.2, pieceWeight: 0.3)

    public var name: String {
        switch self {
        case .linear(let weight, 0): "linear, lexical weight \(weight), no word-piece matching"
        case .linear(let weight, let pieceWeight): "linear, lexical weight \(weight), word pieces \(pieceWeight)"
        case .reciprocalRank(let k): "reciprocal rank, k \(Int(k))"
        }
    }

    /// One fused score per entry, in corpus order. `lexical` holds normalised scores of the
    /// entries sharing a term with the query (the others score 0); `semantic` every cosine;
    /// `pieces` every word-piece match, when there are any.
    func combine(lexical: DocumentScores, semantic: [Double], pieces: [Double]? = nil) -> [Double] {
        switch self {
        case .linear(let weight, let pieceWeight):
            return semantic.indices.map { entry in
                weight * (lexical[Int32(entry)] ?? 0) + pieceWeight * (pieces?[entry] ?? semantic[entry])
                    + (1 - weight - pieceWeight) * semantic[entry]
            }
        case .reciprocalRank(let k):
            var fused = Array(repeating: 0.0, count: semantic.count)
            let lexicalOrder = lexical.matched.top(lexical.matched.count, by: lexical.values)
            for (rank, document) in lexicalOrder.enumerated() { fused[Int(document)] += 1 / (k + Double(rank + 1)) }
            let semanticOrder = semantic.indices.sorted { semantic[$0] != semantic[$1] ? semantic[$0] > semantic[$1] : $0 < $1 }
            for (rank, entry) in semanticOrder.enumerated() { fused[entry] += 1 / (k + Double(rank + 1)) }
            return fused
        }
    }
}
