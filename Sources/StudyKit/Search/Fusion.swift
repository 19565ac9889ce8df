/// How the lexical and the semantic signal are combined into one ranking (hybrid retrieval).
public enum Fusion: Sendable, Equatable {
    /// Normalised linear fusion: `lexicalWeight · lexical + (1 − lexicalWeight) · cosine`, with
    /// the lexical score on its absolute 0...1 scale (`Scorer.normalized`: BM25 over its
    /// ceiling). An absolute scale, not one relative to the best entry, lets a strong exact match
    /// outvote a vague likeness in meaning, and a weak one count for little.
    case linear(lexicalWeight: Double)
    /// Reciprocal-rank fusion: Σ 1 / (k + rank) over both rankings; ignores score gaps.
    case reciprocalRank(k: Double)

    /// The default, chosen on the dev splits of both evaluation corpora (docs/retrieval-quality.md).
    public static let standard = Fusion.linear(lexicalWeight: 0.3)

    public var name: String {
        switch self {
        case .linear(let weight): "linear, lexical weight \(weight)"
        case .reciprocalRank(let k): "reciprocal rank, k \(Int(k))"
        }
    }

    /// One fused score per entry, in corpus order. `lexical` holds normalised scores of the
    /// entries sharing a term with the query (the others score 0); `semantic` every cosine.
    func combine(lexical: [Int32: Double], semantic: [Double]) -> [Double] {
        switch self {
        case .linear(let weight):
            return semantic.indices.map { entry in
                weight * (lexical[Int32(entry)] ?? 0) + (1 - weight) * semantic[entry]
            }
        case .reciprocalRank(let k):
            var fused = Array(repeating: 0.0, count: semantic.count)
            let lexicalOrder = lexical.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            for (rank, hit) in lexicalOrder.enumerated() { fused[Int(hit.key)] += 1 / (k + Double(rank + 1)) }
            let semanticOrder = semantic.indices.sorted { semantic[$0] != semantic[$1] ? semantic[$0] > semantic[$1] : $0 < $1 }
            for (rank, entry) in semanticOrder.enumerated() { fused[entry] += 1 / (k + Double(rank + 1)) }
            return fused
        }
    }
}
